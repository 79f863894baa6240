using Agora.Sdk.Client;

namespace Agora.Sdk.Tests.Client;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(1, 100, 200)]
    [InlineData(2, 200, 400)]
    [InlineData(3, 400, 800)]
    [InlineData(5, 1600, 3200)]
    [InlineData(6, 2500, 5000)]
    [InlineData(60, 2500, 5000)]
    public void The_wait_doubles_per_retry_up_to_the_maximum_and_jitter_spans_its_upper_half(int retry, int lowestMs, int highestMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(lowestMs), RetryBackoff.Delay(retry, Base, Max, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(highestMs), RetryBackoff.Delay(retry, Base, Max, 1));
        Assert.InRange(RetryBackoff.Delay(retry, Base, Max, 0.5), TimeSpan.FromMilliseconds(lowestMs), TimeSpan.FromMilliseconds(highestMs));
    }

    [Theory]
    [InlineData("system_health", "Read")]
    [InlineData("chain_getBlockHash", "Read")]
    [InlineData("agora_getMetagraph", "Read")]
    [InlineData("state_getAccount", "Read")]
    [InlineData("payment_queryFee", "Read")]
    [InlineData("author_pendingTransactionCount", "Read")]
    [InlineData("author_submitTransaction", "Submit")]
    [InlineData("chain_subscribeNewHeads", "Never")]
    [InlineData("chain_unsubscribeNewHeads", "Never")]
    [InlineData("sudo_doSomething", "Never")]
    [InlineData("getter", "Never")]
    public void Reads_and_submissions_are_retried_and_every_other_method_is_not(string method, string rule) =>
        Assert.Equal(rule, RetryRules.Of(method).ToString());
}
