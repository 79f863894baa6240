namespace Agora.Node.Rpc;

/// <summary>
/// One published payload, serialized once and shared by every subscriber's queue entry; only the small
/// envelope prefix differs per subscriber. It counts once against the total queue budget while any queue
/// (or the publisher) holds it.
/// </summary>
internal sealed class SharedNotification
{
    private readonly WebSocketQueueBudget _budget;
    private int _holders;

    public SharedNotification(byte[] payload, WebSocketQueueBudget budget)
    {
        Payload = payload;
        _budget = budget;
    }

    /// <summary>The UTF-8 JSON of the <c>result</c> member.</summary>
    public byte[] Payload { get; }

    public void AddHolder()
    {
        if (Interlocked.Increment(ref _holders) == 1)
        {
            _budget.Add(Payload.Length);
        }
    }

    public void ReleaseHolder()
    {
        if (Interlocked.Decrement(ref _holders) == 0)
        {
            _budget.Release(Payload.Length);
        }
    }
}
