namespace Agora.Cli.Tests.Wallet;

public sealed class InspectCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Inspect_of_alice_prints_exactly_the_documented_json()
    {
        var result = _cli.Run("wallet", "inspect", "--uri", "//Alice", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "{\n  \"ss58_address\": \"5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu\",\n  \"public_key\": \"0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee\"\n}\n",
            result.Stdout);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public void Inspect_without_json_prints_address_and_public_key_for_people()
    {
        var result = _cli.Run("wallet", "inspect", "--uri", "//Bob");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("SS58 address: 5GoNkf6WdbxCFnPdAnYYQyCjAKPJgLNxXwPjwTh6DGg6gN3E", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//Alice/soft", "soft junction '/soft'")]
    [InlineData("bottom drive xyz lake curtain smoke basket hold race lonely fit walk", "unknown word \"xyz\" at position 3")]
    [InlineData("0x1234", "a hex seed is 0x followed by 64 hex digits")]
    [InlineData("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60///pw", "remove it")]
    public void A_bad_uri_fails_with_a_message_naming_the_problem_and_nothing_on_stdout(string uri, string message)
    {
        var result = _cli.Run("wallet", "inspect", "--uri", uri, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_of_an_address_with_a_bad_checksum_fails_naming_the_checksum()
    {
        var result = _cli.Run("wallet", "inspect", "--address", "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--address: invalid address", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("bad checksum", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_with_no_key_chosen_says_which_options_to_give()
    {
        var result = _cli.Run("wallet", "inspect");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pass --wallet NAME", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--uri", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Uri_and_wallet_together_are_refused()
    {
        var result = _cli.Run("wallet", "inspect", "--uri", "//Alice", "--wallet", "w");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("either --uri or --wallet", result.Stderr, StringComparison.Ordinal);
    }
}
