namespace Agora.Cli.Tests;

/// <summary><c>agora sim</c> inside the whole command tree, with its global options.</summary>
public sealed class SimCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Sim_epoch_accepts_the_global_json_option_and_prints_the_same_json()
    {
        var input = Path.Combine(_cli.Home, "epoch.json");
        File.WriteAllText(input, """{"current_block":1000,"emission":1000,"neurons":[{"stake":1,"last_update":990,"block_at_registration":0,"validator_permit":true},{"stake":0,"last_update":0,"block_at_registration":0,"validator_permit":false}],"weights":[[0,65535],[0,0]],"bonds":[[0,0],[0,0]]}""");

        var plain = _cli.Run("sim", "epoch", "--input", input);
        var json = _cli.Run("sim", "epoch", "--input", input, "--json");

        Assert.Equal((0, 0), (plain.ExitCode, json.ExitCode));
        Assert.Contains("\"incentive\":[0.0,1.0]", plain.Stdout, StringComparison.Ordinal);
        Assert.Equal(plain.Stdout, json.Stdout);
    }
}
