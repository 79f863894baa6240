namespace Agora.Cli.Tests.Economy;

/// <summary>TAO amounts at the top of u64 are clear errors, never an overflow, and never silently "the whole position".</summary>
public sealed class AmountLimitTests : IDisposable
{
    private const string U64MaxTao = "18446744073.709551615";
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void A_transfer_whose_amount_plus_tip_passes_u64_max_is_refused_before_contacting_a_node()
    {
        var result = _cli.Run("wallet", "transfer", "--uri", "//Alice", "--dest", "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu",
            "--amount", U64MaxTao, "--tip", "0.000000001", "--rpc", "http://127.0.0.1:1/", "-y");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("more than any account can hold", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("remove")]
    [InlineData("move")]
    public void Typing_u64_max_as_a_stake_amount_asks_for_all_instead_of_meaning_it_silently(string verb)
    {
        string[] target = verb == "move" ? ["--netuid", "1", "--to-netuid", "2"] : ["--netuid", "1"];
        var result = _cli.Run(["stake", verb, "--uri", "//Alice", "--hotkey-ss58", "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", .. target,
            "--amount", U64MaxTao, "--rpc", "http://127.0.0.1:1/", "-y"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pass --all", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_amount_past_u64_max_names_the_option_and_says_it_is_too_large()
    {
        var result = _cli.Run("wallet", "transfer", "--uri", "//Alice", "--dest", "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu",
            "--amount", "18446744073.709551616", "--rpc", "http://127.0.0.1:1/", "-y");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--amount: '18446744073.709551616' is too large", result.Stderr, StringComparison.Ordinal);
    }
}
