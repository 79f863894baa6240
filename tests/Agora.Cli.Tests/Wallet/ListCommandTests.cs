namespace Agora.Cli.Tests.Wallet;

public sealed class ListCommandTests : IDisposable
{
    private readonly CliHarness _cli;

    public ListCommandTests()
    {
        _cli = new CliHarness(new CountingRandom());
        _cli.With("AGORA_PASSWORD", "pw");
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void An_empty_list_says_how_to_create_a_wallet()
    {
        var result = _cli.Run("wallet", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("agora wallet create", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_shows_each_key_with_its_address_and_encryption()
    {
        _cli.Run("wallet", "create", "--wallet", "alpha", "--hotkey", "miner", "--no-password");
        _cli.Run("wallet", "new-hotkey", "--wallet", "alpha", "--hotkey", "validator");

        var result = _cli.Run("wallet", "list");

        Assert.Equal(0, result.ExitCode);
        Golden.Check("wallet-list.txt", result.Stdout);
    }
}
