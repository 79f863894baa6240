using System.Text;
using System.Text.Json;
using Agora.EndToEnd.Tests.Harness;

namespace Agora.EndToEnd.Tests;

/// <summary>
/// Yuma Consensus must give the same bits on every node, whatever its CPU. The engine takes the high half of 64-bit
/// products from <c>mulx</c> where the CPU has BMI2 and from four partial products where it does not (ARM64, older
/// x64), and the runtime libraries it calls branch on CPU features too. <c>DOTNET_EnableHWIntrinsic=0</c> makes the
/// runtime report every hardware intrinsic as unsupported, so the same binary runs every software fallback.
/// </summary>
public sealed class SimDeterminismTests
{
    private static readonly Dictionary<string, string> NoIntrinsics = new() { ["DOTNET_EnableHWIntrinsic"] = "0" };

    [Theory]
    [InlineData("classic")]
    [InlineData("yuma3")]
    public async Task Sim_epochs_prints_the_same_bytes_with_hardware_intrinsics_off(string bondModel)
    {
        // Given a random subnet that exercises clipping, a bonds penalty below 1 and (for Yuma 3) liquid alpha's e^x
        using var home = new TempDirectory();
        var input = RandomSubnet(seed: bondModel == "classic" ? 11 : 12, yuma3: bondModel == "yuma3");
        string[] arguments = ["sim", "epochs", "--input", "-", "--epochs", "6"];

        // When the same epochs run with and without hardware intrinsics
        var native = await CliRunner.RunWithInputAsync(home.Path, input, arguments);
        var software = await CliRunner.RunWithEnvironmentAsync(home.Path, input, NoIntrinsics, arguments);

        // Then both succeed and print identical output, and that output pays out something to validators
        Assert.True(native.ExitCode == 0, native.ToString());
        Assert.True(software.ExitCode == 0, software.ToString());
        Assert.Equal(native.Stdout, software.Stdout);
        var lastEpoch = native.Json().GetProperty("epochs").EnumerateArray().Last();
        Assert.Contains(lastEpoch.GetProperty("validator_emission").EnumerateArray(), rao => rao.GetUInt64() > 0);
        Assert.Contains(lastEpoch.GetProperty("bonds").Deserialize<ushort[][]>()!.SelectMany(row => row), bond => bond > 0);
    }

    /// <summary>
    /// 40 neurons, the first 12 staked validators, weights on ~40% of the cells (every value 1..65535), bonds on ~30%,
    /// a few neurons registered after the last epoch or after some validators last set weights.
    /// </summary>
    private static string RandomSubnet(int seed, bool yuma3)
    {
        const int n = 40;
        const int validators = 12;
        var random = new Random(seed);
        var neurons = Enumerable.Range(0, n).Select(i => new Dictionary<string, object>
        {
            ["stake"] = i < validators ? random.NextInt64(1_000_000_000, 1_000_000_000_000) : 0L,
            ["last_update"] = i < validators ? random.Next(900, 1000) : 0,
            ["block_at_registration"] = random.Next(10) == 0 ? random.Next(800, 1000) : 0,
            ["validator_permit"] = i < validators,
        });
        int[][] Matrix(int percent, bool validatorRowsOnly) => Enumerable.Range(0, n)
            .Select(i => Enumerable.Range(0, n)
                .Select(_ => (!validatorRowsOnly || i < validators) && random.Next(100) < percent ? random.Next(1, 65536) : 0)
                .ToArray())
            .ToArray();

        var subnet = new Dictionary<string, object>
        {
            ["current_block"] = 1000,
            ["tempo"] = 100,
            ["emission"] = 1_000_000_000,
            ["kappa"] = 30000,
            ["bonds_penalty"] = 40000,
            ["max_allowed_validators"] = validators,
            ["neurons"] = neurons,
            ["weights"] = Matrix(40, validatorRowsOnly: true),
            ["bonds"] = Matrix(30, validatorRowsOnly: true),
        };
        if (yuma3)
        {
            subnet["yuma3_enabled"] = true;
            subnet["liquid_alpha_enabled"] = true;
        }

        return Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(subnet));
    }
}
