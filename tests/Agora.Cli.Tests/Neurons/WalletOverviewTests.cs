namespace Agora.Cli.Tests.Neurons;

/// <summary><c>wallet overview</c>: every hotkey of a wallet with its registrations, from <c>agora_getHotkey</c>.</summary>
public sealed class WalletOverviewTests : IDisposable
{
    private readonly CliHarness _cli;

    public WalletOverviewTests()
    {
        _cli = new CliHarness(new CountingRandom());
        _cli.With("AGORA_PASSWORD", "pw");
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Each_hotkey_shows_its_netuids_uids_stake_and_last_emission()
    {
        // Given a wallet with a registered miner hotkey and an unowned validator hotkey
        _cli.Run("wallet", "create", "--wallet", "w", "--hotkey", "miner", "--no-password");
        _cli.Run("wallet", "new-hotkey", "--wallet", "w", "--hotkey", "validator", "--no-password");
        var miner = Address("miner");
        var validator = Address("validator");
        await using var node = new FakeNode((method, parameters) => parameters[0].GetString() == miner
            ? $$"""{"hotkey":"{{miner}}","owner":"{{miner}}","take":0.18,"total_stake":3000000000,"stakes":[{"netuid":1,"stake":2000000000},{"netuid":4,"stake":1000000000}],"nominators":[],"nominator_count":1,"registrations":[{"netuid":1,"uid":7,"emission":123000000},{"netuid":4,"uid":0,"emission":0}]}"""
            : "null");

        // When the overview is asked for, as JSON and as a table
        var json = await Run(node, "wallet", "overview", "--wallet", "w", "--json");
        var table = await Run(node, "wallet", "overview", "--wallet", "w");

        // Then each hotkey is there, the registered one once per subnet
        Assert.Equal(0, json.ExitCode);
        var hotkeys = json.Json["hotkeys"]!.AsArray();
        Assert.Equal(["miner", "validator"], hotkeys.Select(h => (string?)h!["name"]));
        Assert.Equal(validator, (string?)hotkeys[1]!["hotkey"]);
        Assert.Empty(hotkeys[1]!["registrations"]!.AsArray());
        Assert.Equal(3_000_000_000UL, (ulong)hotkeys[0]!["total_stake"]!);
        var first = hotkeys[0]!["registrations"]![0]!;
        Assert.Equal((1, 7, 2_000_000_000UL, 123_000_000UL), ((int)first["netuid"]!, (int)first["uid"]!, (ulong)first["stake"]!, (ulong)first["emission"]!));
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("0.123", table.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, table.Stdout.Split('\n').Count(l => l.Contains(miner, StringComparison.Ordinal)));
        Assert.All(node.Calls, c => Assert.Equal("agora_getHotkey", c.Method));
    }

    [Fact]
    public void An_unknown_wallet_is_an_error_naming_how_to_list_them()
    {
        var result = _cli.Run("wallet", "overview", "--wallet", "nope", "--rpc", "http://127.0.0.1:9/");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no wallet named nope", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("agora wallet list", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_wallet_or_a_config_wallet_the_error_says_how_to_choose_one()
    {
        var result = _cli.Run("wallet", "overview", "--rpc", "http://127.0.0.1:9/");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("pass --wallet NAME", result.Stderr, StringComparison.Ordinal);
    }

    private string Address(string hotkey) =>
        (string)_cli.Run("wallet", "inspect", "--wallet", "w", "--hotkey", hotkey, "--json").Json["ss58_address"]!;

    private Task<CliResult> Run(FakeNode node, params string[] args) => Task.Run(() => _cli.Run([.. args, "--rpc", node.Url]));
}
