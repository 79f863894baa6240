namespace Agora.Node.Rpc;

/// <summary>
/// The bytes waiting to be sent over all WebSocket connections together (see
/// <see cref="RpcServerOptions.WebSocketQueueBytesTotalMax"/>): each response and envelope once, each shared
/// notification payload once while any queue holds it.
/// </summary>
internal sealed class WebSocketQueueBudget
{
    private long _bytes;
    private long _peakBytes;

    public WebSocketQueueBudget(long bytesMax) => BytesMax = bytesMax;

    public long BytesMax { get; }

    /// <summary>Bytes queued now.</summary>
    public long Bytes => Volatile.Read(ref _bytes);

    /// <summary>The most bytes ever queued at once (for tests and diagnostics).</summary>
    public long PeakBytes => Volatile.Read(ref _peakBytes);

    public void Add(long bytes)
    {
        var now = Interlocked.Add(ref _bytes, bytes);
        var peak = Volatile.Read(ref _peakBytes);
        while (now > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakBytes, now, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }
    }

    public void Release(long bytes) => Interlocked.Add(ref _bytes, -bytes);
}
