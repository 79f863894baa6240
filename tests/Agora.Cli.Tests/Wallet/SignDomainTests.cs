namespace Agora.Cli.Tests.Wallet;

public sealed class SignDomainTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("agora/hotkey/v1 anything", false)]
    [InlineData("0x0f61676f72612f686f746b65792f7631", true)] // LEB128 length 15, then "agora/hotkey/v1"
    [InlineData("0x61676f72612f73796e617073652f7631", true)] // "agora/synapse/v1" without a prefix
    public void A_message_that_starts_with_a_signing_domain_is_refused_with_the_reason(string message, bool hex)
    {
        string[] args = hex ? ["wallet", "sign", "--uri", "//Alice", "--message", message, "--hex"] : ["wallet", "sign", "--uri", "//Alice", "--message", message];

        var result = _cli.Run(args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("signing domains", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("hello agora/hotkey")]
    [InlineData("agora")]
    public void A_message_that_only_mentions_agora_is_signed(string message)
    {
        var result = _cli.Run("wallet", "sign", "--uri", "//Alice", "--message", message, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("0x", (string)result.Json["signature"]!, StringComparison.Ordinal);
    }
}
