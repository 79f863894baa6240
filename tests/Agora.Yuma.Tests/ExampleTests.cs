using System.Text.Json;

namespace Agora.Yuma.Tests;

/// <summary>The inputs under <c>examples/sim</c> run, and show what docs/sim.md says they show.</summary>
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

        // docs/sim.md quotes these totals (rao over 12 epochs).
        Assert.Equal([2_043_178_632UL, 2_043_178_632UL, 1_913_642_737UL], earned);
    }

    [Fact]
    public void The_yuma3_example_reproduces_the_reference_chains_kappa_moves_first_dividends()
    {
        // Validator A (stake 0.8) moves to miner 4 at epoch 1, B at epoch 2, C at epoch 3, under Yuma 3 with liquid
        // alpha: the reference's test_yuma_3_kappa_moves_first (Yuma3ReferenceTests checks its bonds too).
        var (exit, stdout, _) = CliTests.Invoke(Example("yuma3-kappa-moves-first.json"), "sim", "epochs", "--input", "-", "--epochs", "6", "--fields", "dividends");

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(stdout);
        var dividends = document.RootElement.GetProperty("epochs").EnumerateArray()
            .Select(e => e.GetProperty("dividends").EnumerateArray().Take(3).Select(d => Math.Round(d.GetDouble(), 4)).ToArray()).ToArray();
        double[][] reference =
        [
            [0.8000, 0.1000, 0.1000], [1.0000, 0.0000, 0.0000], [0.9382, 0.0618, 0.0000],
            [0.8819, 0.0773, 0.0407], [0.8564, 0.0844, 0.0592], [0.8418, 0.0884, 0.0697],
        ];
        Assert.Equal(reference, dividends);
    }

    [Fact]
    public void In_the_weight_copier_example_yuma3_costs_the_copier_more_than_the_classic_bonds()
    {
        // The weight-copier example as it is, under Yuma 3, and under Yuma 3 with liquid alpha at its defaults
        ulong[] Earned(string extraFields)
        {
            var json = Example("weight-copier.json").TrimEnd().TrimEnd('}') + extraFields + "}";
            var (exit, stdout, stderr) = CliTests.Invoke(json, "sim", "epochs", "--input", "-", "--epochs", "12", "--fields", "validator_emission");
            Assert.Equal((0, string.Empty), (exit, stderr));
            using var document = JsonDocument.Parse(stdout);
            return [.. Enumerable.Range(0, 3).Select(v => document.RootElement.GetProperty("epochs").EnumerateArray().Aggregate(0UL, (sum, e) => sum + e.GetProperty("validator_emission")[v].GetUInt64()))];
        }

        var classic = Earned(string.Empty);
        var yuma3 = Earned(", \"yuma3_enabled\": true");
        var liquid = Earned(", \"yuma3_enabled\": true, \"liquid_alpha_enabled\": true");
        var liquidCurrent = Earned(", \"yuma3_enabled\": true, \"liquid_alpha_enabled\": true, \"liquid_alpha_consensus_mode\": \"current\"");

        // The copier earns 6.3% less than an honest validator with classic bonds, 23.4% less under Yuma 3, 23.8% less
        // with liquid alpha (its default mode judges leads against the previous epoch's consensus here, as β = 1) and
        // 22.2% less with liquid alpha against the current consensus (docs/sim.md quotes these totals, rao over 12 epochs).
        Assert.Equal([2_043_178_632UL, 2_043_178_632UL, 1_913_642_737UL], classic);
        Assert.Equal([2_169_117_427UL, 2_169_117_427UL, 1_661_765_148UL], yuma3);
        Assert.Equal([2_171_987_147UL, 2_171_987_147UL, 1_656_025_708UL], liquid);
        Assert.Equal([2_159_770_207UL, 2_159_770_207UL, 1_680_459_586UL], liquidCurrent);
    }
}
