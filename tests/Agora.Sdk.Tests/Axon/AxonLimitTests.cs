using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Sdk.Axon;
using Agora.Sdk.Dendrite;
using Agora.Sdk.Synapses;
using Microsoft.Extensions.Time.Testing;

namespace Agora.Sdk.Tests.Axon;

/// <summary>Rate limits per caller, stake priority under overload, and the per-synapse metrics.</summary>
public sealed class AxonLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_caller_over_its_burst_is_429_rate_limited_until_tokens_refill()
    {
        var time = new FakeTimeProvider(Start);
        await using var harness = await AxonHarness.StartAsync(new AxonOptions { CallerBurstMax = 2, CallerRequestsPerSecondMax = 1 }, time);
        using var dendrite = new DendriteClient(harness.Caller, time: time);
        using var other = KeyPair.FromUri("//Charlie");
        harness.Callers.Set(other.Account, new Rao(1));
        using var otherDendrite = new DendriteClient(other, time: time);

        var first = await dendrite.CallAsync(Echo.Synapse, harness.Target, new EchoRequest("1"));
        var second = await dendrite.CallAsync(Echo.Synapse, harness.Target, new EchoRequest("2"));
        var third = await dendrite.CallAsync(Echo.Synapse, harness.Target, new EchoRequest("3"));
        var otherCaller = await otherDendrite.CallAsync(Echo.Synapse, harness.Target, new EchoRequest("other"));
        time.Advance(TimeSpan.FromSeconds(1));
        var refilled = await dendrite.CallAsync(Echo.Synapse, harness.Target, new EchoRequest("4"));

        Assert.Equal((DendriteStatus.Success, DendriteStatus.Success), (first.Status, second.Status));
        Assert.Equal((DendriteStatus.Refused, 429, SynapseErrorCodes.RateLimited), (third.Status, third.HttpStatus, third.ErrorCode));
        Assert.Equal(DendriteStatus.Success, otherCaller.Status);
        Assert.Equal(DendriteStatus.Success, refilled.Status);
        Assert.Equal(4, harness.HandlerRuns);
    }

    [Fact]
    public async Task Under_overload_the_highest_stake_waiter_is_served_first_and_the_lowest_are_shed_with_503()
    {
        // One handler slot, two waiting places; the handler waits on a gate the test opens.
        using var gate = new SemaphoreSlim(0);
        var served = new List<string>();
        await using var harness = await AxonHarness.StartAsync(
            new AxonOptions { ConcurrentRequestsMax = 1, QueuedRequestsMax = 2 },
            handler: async (request, context, cancellationToken) =>
            {
                await gate.WaitAsync(cancellationToken);
                lock (served)
                {
                    served.Add(request.Text);
                }

                return new EchoResponse(request.Text, context.Caller, context.CallerStake);
            });
        var callers = new Dictionary<string, KeyPair>(StringComparer.Ordinal);
        var dendrites = new List<DendriteClient>();
        DendriteClient Caller(string name, ulong stake)
        {
            var key = KeyPair.FromUri("//" + name);
            callers[name] = key;
            harness.Callers.Set(key.Account, new Rao(stake));
            var dendrite = new DendriteClient(key);
            dendrites.Add(dendrite);
            return dendrite;
        }

        try
        {
            var running = Caller("Running", 50).CallAsync(Echo.Synapse, harness.Target, new EchoRequest("running"));
            await WaitUntilAsync(() => harness.HandlerRuns == 1);
            var low = Caller("Low", 1).CallAsync(Echo.Synapse, harness.Target, new EchoRequest("low"));
            var high = Caller("High", 100).CallAsync(Echo.Synapse, harness.Target, new EchoRequest("high"));
            await WaitUntilAsync(() => harness.Axon.QueuedRequests == 2);

            // The queue is full: a middle-stake arrival pushes out the lowest waiter; a zero-stake arrival is shed itself.
            var middle = Caller("Middle", 10).CallAsync(Echo.Synapse, harness.Target, new EchoRequest("middle"));
            var lowResult = await low;
            var zero = await Caller("Zero", 0).CallAsync(Echo.Synapse, harness.Target, new EchoRequest("zero"));
            gate.Release(3);
            var results = await Task.WhenAll(running, high, middle);

            Assert.Equal((DendriteStatus.Refused, 503, SynapseErrorCodes.Overloaded), (lowResult.Status, lowResult.HttpStatus, lowResult.ErrorCode));
            Assert.Equal((DendriteStatus.Refused, 503, SynapseErrorCodes.Overloaded), (zero.Status, zero.HttpStatus, zero.ErrorCode));
            Assert.All(results, result => Assert.Equal(DendriteStatus.Success, result.Status));
            Assert.Equal(["running", "high", "middle"], served);
            Assert.Equal(3, harness.HandlerRuns);
        }
        finally
        {
            dendrites.ForEach(dendrite => dendrite.Dispose());
            foreach (var key in callers.Values)
            {
                key.Dispose();
            }
        }
    }

    [Fact]
    public async Task Metrics_count_requests_per_synapse_and_outcome()
    {
        await using var harness = await AxonHarness.StartAsync();
        using var dendrite = new DendriteClient(harness.Caller);
        using var stranger = KeyPair.FromUri("//Dave");
        using var strangerDendrite = new DendriteClient(stranger);

        await dendrite.CallAsync(Echo.Synapse, harness.Target, new EchoRequest("x"));
        await strangerDendrite.CallAsync(Echo.Synapse, harness.Target, new EchoRequest("x"));
        using var text = new MemoryStream();
        await harness.Axon.MetricsRegistry.CollectAndExportAsTextAsync(text);
        var exported = System.Text.Encoding.UTF8.GetString(text.ToArray());

        Assert.Contains("agora_axon_requests_total{synapse=\"echo\",outcome=\"ok\"} 1", exported, StringComparison.Ordinal);
        Assert.Contains("agora_axon_requests_total{synapse=\"echo\",outcome=\"not_registered\"} 1", exported, StringComparison.Ordinal);
        Assert.Contains("agora_axon_request_duration_seconds_count{synapse=\"echo\"} 2", exported, StringComparison.Ordinal);
        Assert.Contains("agora_axon_requests_in_flight{synapse=\"echo\"} 0", exported, StringComparison.Ordinal);
    }

    /// <summary>Polls a condition the axon reaches asynchronously (no timing assert: it only bounds a hang).</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 2000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the axon did not reach the expected state within 20 s");
    }
}
