using System.Text.Json;

namespace Agora.Subnets.Forecasting.Tests;

public sealed class ForecastRequestTests
{
    public static TheoryData<string, string> BadRequests => new()
    {
        { "short", "must hold 32 to 2016 observations, found 31" },
        { "long", "must hold 32 to 2016 observations, found 2017" },
        { "horizon0", "horizon must be 1 to 24 steps, found 0" },
        { "horizon25", "horizon must be 1 to 24 steps, found 25" },
        { "gap", "observation 5 is at step 6, expected 5" },
        { "nan", "observation 3 (step 3) is not a finite number" },
        { "infinity", "observation 3 (step 3) is not a finite number" },
    };

    private static ForecastRequest Bad(string kind)
    {
        var values = Requests.ZigZag(40);
        return kind switch
        {
            "short" => Requests.FromValues(Requests.ZigZag(31), 1),
            "long" => Requests.FromValues(Requests.ZigZag(2017), 1),
            "horizon0" => Requests.FromValues(values, 0),
            "horizon25" => Requests.FromValues(values, 25),
            "gap" => Requests.FromValues(values, 1) is var r
                ? r with { Window = [.. r.Window.Select((o, i) => i >= 5 ? o with { Step = o.Step + 1 } : o)] }
                : throw new InvalidOperationException(),
            "nan" => Requests.FromValues([.. values.Select((v, i) => i == 3 ? double.NaN : v)], 1),
            "infinity" => Requests.FromValues([.. values.Select((v, i) => i == 3 ? double.PositiveInfinity : v)], 1),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Fact]
    public void A_simulator_request_has_no_problem()
    {
        var request = new MarketSimulator(1).Request("s", 400, ForecastRequest.WindowLengthDefault, ForecastRequest.HorizonDefault);

        Assert.Null(request.Problem());
        Assert.Equal(ForecastRequest.WindowLengthDefault, request.Values().Length);
    }

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void A_bad_request_names_its_problem(string kind, string expected)
    {
        var problem = Bad(kind).Problem();

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Every_forecaster_refuses_a_bad_request_with_its_problem(string kind, string expected)
    {
        IForecaster[] forecasters = [new LastValueForecaster(), new AutoregressiveForecaster(), TrainedModel.Default];
        foreach (var forecaster in forecasters)
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(async () => await forecaster.ForwardAsync(Bad(kind), CancellationToken.None));
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            Assert.Equal("request", error.ParamName);
        }
    }

    [Fact]
    public void Requests_and_responses_survive_a_json_round_trip()
    {
        var request = new MarketSimulator(9).Request("series-9", 200, 48, 6);
        var response = new ForecastResponse([1.5, -2.25, 1e300]);

        var requestBack = JsonSerializer.Deserialize<ForecastRequest>(JsonSerializer.Serialize(request));
        var responseBack = JsonSerializer.Deserialize<ForecastResponse>(JsonSerializer.Serialize(response));

        Assert.NotNull(requestBack);
        Assert.Equal(request.SeriesId, requestBack.SeriesId);
        Assert.Equal(request.Horizon, requestBack.Horizon);
        Assert.Equal(request.Window, requestBack.Window);
        Assert.NotNull(responseBack);
        Assert.Equal(response.Values, responseBack.Values);
    }
}
