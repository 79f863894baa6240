using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>
/// Typed calls for the node methods of spec/interfaces.md whose results are simple. Works over
/// <see cref="RpcClient"/> (HTTP) or <see cref="RpcWebSocketClient"/> (which also allows subscriptions).
/// </summary>
public sealed class ChainClient
{
    private readonly IRpcCaller _rpc;

    /// <summary>Typed calls over <paramref name="rpc"/>.</summary>
    public ChainClient(IRpcCaller rpc)
    {
        _rpc = rpc;
    }

    /// <summary><c>system_health</c>: peers, syncing, best block.</summary>
    public Task<SystemHealth> GetHealthAsync(CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<SystemHealth>("system_health", null, cancellationToken);

    /// <summary><c>chain_getHeader</c>: the header of <paramref name="hash"/> (the best block when null); null if unknown.</summary>
    public Task<BlockHeader?> GetHeaderAsync(Hash256? hash = null, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<BlockHeader?>("chain_getHeader", hash is { } h ? [h] : null, cancellationToken);

    /// <summary><c>chain_getBlockHash</c>: the hash of block <paramref name="number"/>; null beyond the best block.</summary>
    public Task<Hash256?> GetBlockHashAsync(ulong number, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<Hash256?>("chain_getBlockHash", [number], cancellationToken);

    /// <summary><c>chain_getFinalizedHead</c>: the hash of the last finalized block.</summary>
    public Task<Hash256> GetFinalizedHeadAsync(CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<Hash256>("chain_getFinalizedHead", null, cancellationToken);

    /// <summary>
    /// <c>author_submitTransaction</c>: submits a signed transaction; returns its hash. A rejection throws
    /// <see cref="RpcException"/> whose message names the reason (e.g. a stale nonce).
    /// </summary>
    public Task<Hash256> SubmitTransactionAsync(ReadOnlyMemory<byte> signedTransaction, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<Hash256>("author_submitTransaction", [HexFormat.Encode(signedTransaction.Span)], cancellationToken);

    /// <summary><c>state_getAccount</c>: balances (rao) and nonce of <paramref name="account"/>.</summary>
    public Task<AccountInfo> GetAccountAsync(AccountId account, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<AccountInfo>("state_getAccount", [account], cancellationToken);

    /// <summary><c>payment_queryFee</c>: the fee (rao) that <paramref name="signedTransaction"/> would pay.</summary>
    public Task<FeeInfo> QueryFeeAsync(ReadOnlyMemory<byte> signedTransaction, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<FeeInfo>("payment_queryFee", [HexFormat.Encode(signedTransaction.Span)], cancellationToken);

    /// <summary><c>chain_subscribeNewHeads</c>: every new best header. Needs a <see cref="RpcWebSocketClient"/>.</summary>
    public Task<RpcSubscription<BlockHeader>> SubscribeNewHeadsAsync(CancellationToken cancellationToken = default) =>
        _rpc is RpcWebSocketClient socket
            ? socket.SubscribeAsync<BlockHeader>("chain_subscribeNewHeads", "chain_unsubscribeNewHeads", null, cancellationToken)
            : throw new InvalidOperationException(
                "subscriptions need a WebSocket: build the ChainClient over await RpcWebSocketClient.ConnectAsync(url)");
}
