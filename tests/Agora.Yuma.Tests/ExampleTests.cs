using System.Text.Json;

namespace Agora.Yuma.Tests;

/// <summary>The inputs under <c>examples/sim</c> run, and show what the README says they show.</summary>
public sealed class ExampleTests
{
    /// <summary>Where the test project copies <c>examples/sim</c>.</summary>
    private static readonly string _examples = Path.Combine(AppContext.BaseDirectory, "Examples");

    public static TheoryData<string> Names() => [.. Directory.GetFiles(_examples, "*.json").Select(Path.GetFileName).OfType<string>()];

    private static string Example(string name) => File.ReadAllText(Path.Combine(_examples, name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_example_runs_as_one_epoch_and_as_several(string name)
    {
        var (epochExit, epochOut, epochErr) = CliTests.Invoke(Example(name), "sim", "epoch", "--input", "-");
        var (epochsExit, epochsOut, epochsErr) = CliTests.Invoke(Example(name), "sim", "epochs", "--input", "-", "--epochs", "3");

        // One epoch runs "weights", and says so when the example also has a schedule; several runs leave no warning.
        var scheduled = Example(name).Contains("weights_schedule", StringComparison.Ordinal);
        Assert.Equal((0, scheduled), (epochExit, epochErr.StartsWith("warning: weights_schedule: ignored", StringComparison.Ordinal)));
        Assert.Equal((0, string.Empty), (epochsExit, epochsErr));
        using var one = JsonDocument.Parse(epochOut);
        using var several = JsonDocument.Parse(epochsOut);
        Assert.Equal(3, several.RootElement.GetProperty("epochs").GetArrayLength());
    }

    [Fact]
    public void In_the_weight_copier_example_the_copier_earns_less_than_either_honest_validator()
    {
        // Validators 0 and 1 follow the best miner, which changes every three epochs; validator 2 copies their
        // weights one epoch late. All three hold the same stake.
        var (exit, stdout, _) = CliTests.Invoke(Example("weight-copier.json"), "sim", "epochs", "--input", "-", "--epochs", "12", "--fields", "validator_emission");

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(stdout);
        var earned = new ulong[3];
        foreach (var epoch in document.RootElement.GetProperty("epochs").EnumerateArray())
        {
            for (var v = 0; v < 3; v++)
            {
                earned[v] += epoch.GetProperty("validator_emission")[v].GetUInt64();
            }
        }

        Assert.True(earned[2] < earned[0] && earned[2] < earned[1]);

        // The README quotes these totals (rao over 12 epochs).
        Assert.Equal([2_043_178_632UL, 2_043_178_632UL, 1_913_642_737UL], earned);
    }
}
