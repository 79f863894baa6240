namespace Agora.Testing.Attacks;

/// <summary>
/// One attack of the suite (SECURITY.md lists them): runs against a node until stopped and says what it did and what
/// the node answered, so a test or the benchmark can put that next to what the observer saw meanwhile.
/// </summary>
public abstract class Attack
{
    /// <summary>A short name for reports, e.g. <c>pool-flood</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Attacks <paramref name="target"/> until <paramref name="stop"/> fires; returns what happened.</summary>
    public abstract Task<AttackReport> RunAsync(AttackTarget target, CancellationToken stop);

    /// <summary>Waits <paramref name="delay"/> or until <paramref name="stop"/>, without throwing.</summary>
    protected static async Task PauseAsync(TimeSpan delay, CancellationToken stop) =>
        await Task.Delay(delay, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
}

/// <summary>What an attack did: counters by name (e.g. <c>refused</c>) and notes such as the node's first refusal.</summary>
public sealed record AttackReport(string Attack, IReadOnlyDictionary<string, long> Counts, IReadOnlyList<string> Notes)
{
    /// <summary>A counter, 0 when absent.</summary>
    public long Count(string name) => Counts.TryGetValue(name, out var value) ? value : 0;

    /// <summary>One line for logs.</summary>
    public override string ToString() =>
        $"{Attack}: {string.Join(", ", Counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"))}"
        + (Notes.Count == 0 ? "" : $" — {string.Join("; ", Notes)}");
}
