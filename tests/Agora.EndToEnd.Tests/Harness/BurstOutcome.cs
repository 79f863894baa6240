namespace Agora.EndToEnd.Tests.Harness;

/// <summary>
/// How a <see cref="TransferBurst"/> went: transactions sent before the node stopped answering, how many it
/// accepted, its rejections, and the error that ended the burst (null when every batch was answered).
/// </summary>
internal sealed record BurstOutcome(int SentCount, int AcceptedCount, IReadOnlyList<string> Rejections, string? EndedBy)
{
    public override string ToString() =>
        $"sent {SentCount}, accepted {AcceptedCount}, rejected {Rejections.Count}" +
        (Rejections.Count > 0 ? $" (first: {Rejections[0]})" : string.Empty) +
        (EndedBy is null ? string.Empty : $", ended by: {EndedBy}");
}
