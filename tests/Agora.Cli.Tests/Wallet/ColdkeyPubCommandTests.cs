namespace Agora.Cli.Tests.Wallet;

/// <summary>A replaced coldkeypub.txt is caught by every command before it shows an address or signs.</summary>
public sealed class ColdkeyPubCommandTests : IDisposable
{
    private readonly CliHarness _cli;
    private readonly string _victim;
    private readonly string _attacker;

    public ColdkeyPubCommandTests()
    {
        // Given a victim's wallet whose coldkeypub.txt was replaced by an attacker's
        _cli = new CliHarness();
        _cli.With("AGORA_PASSWORD", "pw");
        _victim = (string)_cli.Run("wallet", "create", "--wallet", "victim", "--json").Json["coldkey"]!["ss58_address"]!;
        _attacker = (string)_cli.Run("wallet", "create", "--wallet", "attacker", "--json").Json["coldkey"]!["ss58_address"]!;
        File.Copy(PubPath("attacker"), PubPath("victim"), overwrite: true);
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Sign_refuses_naming_both_addresses_and_the_file()
    {
        var result = _cli.Run("wallet", "sign", "--wallet", "victim", "--message", "hello", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains(_victim, result.Stderr, StringComparison.Ordinal);
        Assert.Contains(_attacker, result.Stderr, StringComparison.Ordinal);
        Assert.Contains(PubPath("victim"), result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_refuses_instead_of_showing_the_attackers_address()
    {
        var result = _cli.Run("wallet", "inspect", "--wallet", "victim", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("was replaced", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Balance_refuses_before_asking_the_node()
    {
        // No node listens on port 1: the refusal must come first
        var result = _cli.Run("wallet", "balance", "--wallet", "victim", "--rpc", "http://127.0.0.1:1/", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("was replaced", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void List_shows_the_wallet_as_broken_and_the_others_as_fine()
    {
        var result = _cli.Run("wallet", "list", "--json");

        Assert.Equal(0, result.ExitCode);
        var wallets = result.Json["wallets"]!.AsArray();
        var attacker = wallets.Single(w => (string)w!["name"]! == "attacker")!;
        var victim = wallets.Single(w => (string)w!["name"]! == "victim")!;
        Assert.Equal(_attacker, (string)attacker["coldkey"]!["ss58_address"]!);
        Assert.Null(victim["coldkey"]!["ss58_address"]);
        Assert.Contains("was replaced", (string)victim["coldkey"]!["error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void List_shows_a_corrupt_coldkey_file_as_broken()
    {
        File.WriteAllText(Path.Combine(_cli.AgoraHome, "wallets", "attacker", "coldkey"), "{ \"format\": \"agora-keyfile\", \"vers");

        var result = _cli.Run("wallet", "list", "--json");

        var attacker = result.Json["wallets"]!.AsArray().Single(w => (string)w!["name"]! == "attacker")!;
        Assert.Null(attacker["coldkey"]!["ss58_address"]);
        Assert.Contains("is not a valid keyfile", (string)attacker["coldkey"]!["error"]!, StringComparison.Ordinal);
    }

    private string PubPath(string wallet) => Path.Combine(_cli.AgoraHome, "wallets", wallet, "coldkeypub.txt");
}
