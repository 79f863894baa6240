using Agora.EndToEnd.Tests.Harness;

namespace Agora.EndToEnd.Tests;

/// <summary>Amounts at the top of u64 against a real node: a clear error, never an overflow.</summary>
[Collection(DevNodeGroup.Name)]
public sealed class CliAmountTests(DevNodeFixture fixture)
{
    [Fact]
    public async Task A_transfer_of_u64_max_rao_is_refused_as_insufficient_balance_not_an_overflow()
    {
        // Given Alice, who holds far less than u64 max rao, and a dev node
        var bob = DevAccounts.Account("//Bob");

        // When she tries to send u64 max rao (amount + fee passes u64 max)
        var result = await CliRunner.RunAsync(fixture.CliHome,
            "wallet", "transfer", "--uri", "//Alice", "--dest", bob.ToString(), "--amount", "18446744073.709551615", "-y",
            "--rpc", fixture.Node.RpcUrl.ToString());

        // Then it is a one-line insufficient-balance error with exit code 1
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("error: insufficient balance", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("needs more than 18446744073.709551615 TAO", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("OverflowException", result.ToString(), StringComparison.Ordinal);
    }
}
