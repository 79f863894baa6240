namespace Agora.Sdk.Tests.Axon;

/// <summary>A clock the test sets to any time, backwards included (FakeTimeProvider only moves forward).</summary>
public sealed class SteppedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
