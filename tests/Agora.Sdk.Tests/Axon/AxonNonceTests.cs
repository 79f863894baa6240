using System.Net;
using Agora.Sdk.Axon;
using Agora.Sdk.Dendrite;
using Agora.Sdk.Synapses;
using Microsoft.Extensions.Time.Testing;

namespace Agora.Sdk.Tests.Axon;

/// <summary>Replays and stale nonces are 409 stale_nonce: not above the last, outside the window, or before the axon's start.</summary>
public sealed class AxonNonceTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_replay_of_a_captured_request_is_409_stale_nonce()
    {
        var time = new FakeTimeProvider(Start);
        await using var harness = await AxonHarness.StartAsync(time: time);
        var body = AxonHarness.Body("once");
        var captured = harness.Sign(body, SynapseNonces.Now(time));

        var (first, _) = await harness.SendAsync(harness.Request(captured, body));
        var (replay, error) = await harness.SendAsync(harness.Request(captured, body));

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.Conflict, replay);
        Assert.Equal(SynapseErrorCodes.StaleNonce, error!.Error);
        Assert.Equal(1, harness.HandlerRuns);
    }

    [Fact]
    public async Task A_nonce_below_the_callers_last_is_409_stale_nonce()
    {
        var time = new FakeTimeProvider(Start);
        await using var harness = await AxonHarness.StartAsync(time: time);
        var body = AxonHarness.Body("x");
        var now = SynapseNonces.Now(time);
        var later = harness.Sign(body, now + 10);
        var earlier = harness.Sign(body, now + 5);

        var (first, _) = await harness.SendAsync(harness.Request(later, body));
        var (second, error) = await harness.SendAsync(harness.Request(earlier, body));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (first, second));
        Assert.Contains("not above the caller's last", error!.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.HandlerRuns);
    }

    [Theory]
    [InlineData(-11)]
    [InlineData(11)]
    public async Task A_nonce_outside_the_window_around_the_axons_clock_is_409_stale_nonce(int offsetSeconds)
    {
        var time = new FakeTimeProvider(Start);
        await using var harness = await AxonHarness.StartAsync(new AxonOptions { NonceWindow = TimeSpan.FromSeconds(10) }, time);
        time.Advance(TimeSpan.FromMinutes(1));
        var callerClock = new FakeTimeProvider(time.GetUtcNow().AddSeconds(offsetSeconds));
        using var dendrite = new DendriteClient(harness.Caller, time: callerClock);

        var result = await dendrite.CallAsync(Echo.Synapse, harness.Target, new EchoRequest("x"));

        Assert.Equal((DendriteStatus.Refused, 409, SynapseErrorCodes.StaleNonce), (result.Status, result.HttpStatus, result.ErrorCode));
        Assert.Contains("check the caller's clock", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.HandlerRuns);
    }

    [Fact]
    public async Task A_nonce_just_inside_the_window_is_served()
    {
        var time = new FakeTimeProvider(Start);
        await using var harness = await AxonHarness.StartAsync(new AxonOptions { NonceWindow = TimeSpan.FromSeconds(10) }, time);
        time.Advance(TimeSpan.FromMinutes(1));
        var callerClock = new FakeTimeProvider(time.GetUtcNow().AddSeconds(9));
        using var dendrite = new DendriteClient(harness.Caller, time: callerClock);

        var result = await dendrite.CallAsync(Echo.Synapse, harness.Target, new EchoRequest("x"));

        Assert.Equal(DendriteStatus.Success, result.Status);
    }

    [Fact]
    public async Task After_an_axon_restart_a_request_signed_before_the_restart_is_409_stale_nonce()
    {
        var time = new FakeTimeProvider(Start);
        var options = new AxonOptions { NonceWindow = TimeSpan.FromSeconds(10) };
        await using var harness = await AxonHarness.StartAsync(options, time);
        var body = AxonHarness.Body("before the restart");
        var captured = harness.Sign(body, SynapseNonces.Now(time));
        time.Advance(TimeSpan.FromSeconds(1));

        await harness.RestartAsync(options, time);
        var (status, error) = await harness.SendAsync(harness.Request(captured, body));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(SynapseErrorCodes.StaleNonce, error!.Error);
        Assert.Contains("older than this axon's start", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.HandlerRuns);
    }

    [Fact]
    public void The_nonce_clock_is_strictly_increasing_when_the_clock_does_not_move_or_steps_back()
    {
        var time = new SteppedClock(Start);
        var clock = new NonceClock(time);

        var first = clock.Next();
        var second = clock.Next();
        time.Now = Start.AddSeconds(-5);
        var third = clock.Next();
        time.Now = Start.AddSeconds(1);
        var fourth = clock.Next();

        Assert.Equal(1_796_126_400_000_000_000UL, first);
        Assert.Equal(first + 1, second);
        Assert.Equal(second + 1, third);
        Assert.Equal(SynapseNonces.Now(time), fourth);
    }
}
