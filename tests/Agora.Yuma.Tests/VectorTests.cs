using System.Text.Json;
using Agora.Cli.Commands.Sim;
using Agora.Core.FixedPoint;

namespace Agora.Yuma.Tests;

/// <summary>The public vectors of spec/yuma-vectors.json, every output field, exactly.</summary>
public sealed class VectorTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Vectors.Cases().Select(c => c.GetProperty("name").GetString()!))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Public_vector_matches_every_output_field_exactly(string name)
    {
        // Given the vector's input
        var vector = Vectors.Cases().Single(c => c.GetProperty("name").GetString() == name);
        Assert.True(EpochInputJson.TryParse(vector.GetProperty("input").GetRawText(), out var input, out var error), error);

        // When the epoch runs
        var output = YumaEpoch.Run(input!.Epoch);

        // Then every field equals the expected one exactly
        Vectors.AssertMatches(vector.GetProperty("expected"), output);
    }

    [Fact]
    public void Test_bonds_epoch_7_pays_the_amounts_quoted_in_the_spec()
    {
        var vector = Vectors.Cases().Single(c => c.GetProperty("name").GetString() == "test_bonds epoch 7");
        Assert.True(EpochInputJson.TryParse(vector.GetProperty("input").GetRawText(), out var input, out _));

        var output = YumaEpoch.Run(input!.Epoch);

        Assert.Equal([29518068UL, 66336137, 173203134, 230942659, 0, 0, 0, 500000000], output.Emission.ToArray());
        Assert.Equal(1_000_000_000UL, output.Emission.Aggregate(0UL, (a, b) => a + b) + output.Dust);
    }
}

internal static class Vectors
{
    private static readonly Lazy<JsonElement[]> _cases = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Vectors", "yuma-vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    });

    public static IReadOnlyList<JsonElement> Cases() => _cases.Value;

    public static void AssertMatches(JsonElement expected, EpochOutput output)
    {
        AssertProportions(expected, "rank", output.Rank);
        AssertProportions(expected, "trust", output.Trust);
        AssertProportions(expected, "consensus", output.Consensus);
        AssertProportions(expected, "incentive", output.Incentive);
        AssertProportions(expected, "dividends", output.Dividends);
        AssertProportions(expected, "validator_trust", output.ValidatorTrust);
        AssertIntegers(expected, "emission", output.Emission);
        AssertIntegers(expected, "miner_emission", output.MinerEmission);
        AssertIntegers(expected, "validator_emission", output.ValidatorEmission);
        Assert.Equal(expected.GetProperty("validator_permit").EnumerateArray().Select(e => e.GetBoolean()), output.ValidatorPermit);
        var bonds = expected.GetProperty("bonds").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetUInt16()).ToArray()).ToArray();
        Assert.Equal(bonds, output.Bonds.ToDense());
    }

    private static void AssertProportions(JsonElement expected, string name, IEnumerable<I32F32> actual)
    {
        // The expected decimals are the shortest round-trip doubles of I32F32 values, which doubles hold exactly.
        var expectedValues = expected.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(expectedValues, actual.Select(Epochs.ToDouble).ToArray());
    }

    private static void AssertIntegers(JsonElement expected, string name, IEnumerable<ulong> actual) =>
        Assert.Equal(expected.GetProperty(name).EnumerateArray().Select(e => e.GetUInt64()).ToArray(), actual.ToArray());
}
