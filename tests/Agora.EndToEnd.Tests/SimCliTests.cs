using System.Text.Json;
using Agora.EndToEnd.Tests.Harness;

namespace Agora.EndToEnd.Tests;

/// <summary><c>agora sim epoch</c> and <c>sim epochs</c> as a user runs them: a real process, the input piped to stdin.</summary>
public sealed class SimCliTests
{
    // Two validators (uids 0, 1) weighting two miners (2, 3); 1 TAO to distribute.
    private const string Input = """
        {"current_block":100,"tempo":10,"emission":1000000000,"max_allowed_validators":2,
         "neurons":[{"stake":600,"last_update":99,"block_at_registration":0,"validator_permit":true},
                    {"stake":400,"last_update":99,"block_at_registration":0,"validator_permit":true},
                    {"stake":0,"last_update":0,"block_at_registration":0,"validator_permit":false},
                    {"stake":0,"last_update":0,"block_at_registration":0,"validator_permit":false}],
         "weights":[[0,0,65535,32767],[0,0,65535,0],[0,0,0,0],[0,0,0,0]],
         "bonds":[[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0]],
         "kapa":1}
        """;

    [Fact]
    public async Task Sim_epoch_reads_stdin_and_pays_out_the_whole_emission()
    {
        using var home = new TempDirectory();

        var result = await CliRunner.RunWithInputAsync(home.Path, Input, "sim", "epoch", "--input", "-");

        // The epoch runs, pays every rao (paid + dust = emission), and the misspelt field is named on stderr
        Assert.True(result.ExitCode == 0, result.ToString());
        using var output = JsonDocument.Parse(result.Stdout);
        var paid = output.RootElement.GetProperty("emission").EnumerateArray().Sum(rao => (decimal)rao.GetUInt64());
        Assert.Equal(1_000_000_000m, paid + output.RootElement.GetProperty("dust").GetUInt64());
        Assert.Equal(4, output.RootElement.GetProperty("bonds").GetArrayLength());
        Assert.Equal("warning: kapa: unknown field, ignored (did you mean kappa?)", result.Stderr.Trim());
    }

    [Fact]
    public async Task Sim_epochs_streams_every_epoch_as_one_document()
    {
        using var home = new TempDirectory();

        var result = await CliRunner.RunWithInputAsync(home.Path, Input, "sim", "epochs", "--input", "-", "--epochs", "4");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var output = JsonDocument.Parse(result.Stdout);
        var epochs = output.RootElement.GetProperty("epochs");
        Assert.Equal(4, epochs.GetArrayLength());
        // Like the chain, each epoch comes tempo + 1 blocks after the last (tempo 10 here).
        Assert.Equal([100UL, 111UL, 122UL, 133UL], epochs.EnumerateArray().Select(epoch => epoch.GetProperty("current_block").GetUInt64()));
    }

    [Fact]
    public async Task Sim_epoch_on_malformed_stdin_names_the_field_and_prints_nothing()
    {
        using var home = new TempDirectory();

        var result = await CliRunner.RunWithInputAsync(home.Path, Input.Replace("65535,0]", "65536,0]", StringComparison.Ordinal), "sim", "epoch", "--input", "-");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal("error: weights[1][2]: expected an integer 0..65535, got 65536", result.Stderr.Trim());
    }
}
