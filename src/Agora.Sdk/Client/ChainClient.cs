using System.Text.Json;
using Agora.Core.Json;
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

    /// <summary>
    /// <c>chain_getBlock [hash, "hashes"]</c>: the header and transaction hashes of <paramref name="hash"/> (the best
    /// block when null), without decoded transactions or events; null if unknown. Far smaller than the full form.
    /// </summary>
    public Task<LightBlock?> GetLightBlockAsync(Hash256? hash = null, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<LightBlock?>("chain_getBlock", [hash, "hashes"], cancellationToken);

    /// <summary><c>chain_getFinalizedHead</c>: the hash of the last finalized block.</summary>
    public Task<Hash256> GetFinalizedHeadAsync(CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<Hash256>("chain_getFinalizedHead", null, cancellationToken);

    /// <summary>
    /// <c>author_submitTransaction</c>: submits a signed transaction; returns its hash. A rejection throws
    /// <see cref="RpcException"/> whose message names the reason (e.g. a stale nonce).
    /// </summary>
    /// <remarks>
    /// Retried after a transient failure even though the first attempt may have reached the node, because the same
    /// signed bytes are idempotent there: the node answers the hash (the first never arrived), or refuses a
    /// duplicate of a pooled transaction (it did: the retry returns the hash as the first answer would have), or
    /// refuses a stale nonce (a transaction with that nonce — this one or another — was included; that is reported
    /// as <see cref="TransactionMayBeIncludedException"/>, never as success). A retry never signs anew, so it cannot
    /// spend a second nonce.
    /// </remarks>
    public Task<Hash256> SubmitTransactionAsync(ReadOnlyMemory<byte> signedTransaction, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<Hash256>("author_submitTransaction", [HexFormat.Encode(signedTransaction.Span)], cancellationToken);

    /// <summary><c>state_getAccount</c>: balances (rao) and nonce of <paramref name="account"/>.</summary>
    public Task<AccountInfo> GetAccountAsync(AccountId account, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<AccountInfo>("state_getAccount", [account], cancellationToken);

    /// <summary><c>payment_queryFee</c>: the fee (rao) that <paramref name="signedTransaction"/> would pay.</summary>
    public Task<FeeInfo> QueryFeeAsync(ReadOnlyMemory<byte> signedTransaction, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<FeeInfo>("payment_queryFee", [HexFormat.Encode(signedTransaction.Span)], cancellationToken);

    /// <summary><c>agora_getSubnets</c>: every subnet, root included, by netuid.</summary>
    public Task<IReadOnlyList<SubnetSummary>> GetSubnetsAsync(CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<IReadOnlyList<SubnetSummary>>("agora_getSubnets", null, cancellationToken);

    /// <summary><c>agora_getSubnet</c>: one subnet with its description and hyperparameters; an unknown netuid throws <see cref="RpcException"/>.</summary>
    public async Task<SubnetDetails> GetSubnetAsync(ushort netuid, CancellationToken cancellationToken = default)
    {
        var json = await _rpc.CallAsync<JsonElement>("agora_getSubnet", [netuid], cancellationToken).ConfigureAwait(false);
        return new SubnetDetails(
            json.Deserialize<SubnetSummary>(AgoraJson.Options)!,
            json.GetProperty("description").GetString() ?? string.Empty,
            json.GetProperty("hyperparameters").Deserialize<IReadOnlyDictionary<string, JsonElement>?>(AgoraJson.Options));
    }

    /// <summary><c>agora_getHyperparameters</c>: name → value (number, bool or mode name) of <paramref name="netuid"/> (≥ 1).</summary>
    public Task<IReadOnlyDictionary<string, JsonElement>> GetHyperparametersAsync(ushort netuid, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<IReadOnlyDictionary<string, JsonElement>>("agora_getHyperparameters", [netuid], cancellationToken);

    /// <summary><c>agora_getLockCost</c>: what a subnet proposal locks if the next block includes it.</summary>
    public Task<LockCostInfo> GetLockCostAsync(CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<LockCostInfo>("agora_getLockCost", null, cancellationToken);

    /// <summary><c>agora_getStake</c>: the positions of <paramref name="coldkey"/>.</summary>
    public Task<IReadOnlyList<StakePosition>> GetStakeAsync(AccountId coldkey, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<IReadOnlyList<StakePosition>>("agora_getStake", [coldkey], cancellationToken);

    /// <summary><c>agora_getHotkey</c>: owner, take, stakes and nominators of <paramref name="hotkey"/>; null when no coldkey owns it.</summary>
    public Task<HotkeyDetails?> GetHotkeyAsync(AccountId hotkey, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<HotkeyDetails?>("agora_getHotkey", [hotkey], cancellationToken);

    /// <summary><c>agora_getMetagraph</c>: the neurons of <paramref name="netuid"/> (≥ 1) at <paramref name="block"/> (null: the best block).</summary>
    public Task<Metagraph> GetMetagraphAsync(ushort netuid, ulong? block = null, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<Metagraph>("agora_getMetagraph", AtBlock(netuid, block), cancellationToken);

    /// <summary><c>agora_getNeuron</c>: one neuron with its weights row; an unknown netuid or uid throws <see cref="RpcException"/>.</summary>
    public async Task<NeuronDetails> GetNeuronAsync(ushort netuid, ushort uid, CancellationToken cancellationToken = default)
    {
        var json = await _rpc.CallAsync<JsonElement>("agora_getNeuron", [netuid, uid], cancellationToken).ConfigureAwait(false);
        return new NeuronDetails(
            json.Deserialize<MetagraphNeuron>(AgoraJson.Options)!,
            json.GetProperty("weights").Deserialize<IReadOnlyList<UidValue>>(AgoraJson.Options)!);
    }

    /// <summary><c>agora_getWeights</c>: the weights rows of <paramref name="netuid"/> at <paramref name="block"/> (null: the best block).</summary>
    public Task<SparseMatrix> GetWeightsAsync(ushort netuid, ulong? block = null, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<SparseMatrix>("agora_getWeights", AtBlock(netuid, block), cancellationToken);

    /// <summary><c>agora_getBonds</c>: the bonds rows of <paramref name="netuid"/> at <paramref name="block"/> (null: the best block).</summary>
    public Task<SparseMatrix> GetBondsAsync(ushort netuid, ulong? block = null, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<SparseMatrix>("agora_getBonds", AtBlock(netuid, block), cancellationToken);

    /// <summary><c>agora_getCommits</c>: the pending weights commits on <paramref name="netuid"/>, with their reveal windows.</summary>
    public Task<IReadOnlyList<PendingCommit>> GetCommitsAsync(ushort netuid, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<IReadOnlyList<PendingCommit>>("agora_getCommits", [netuid], cancellationToken);

    /// <summary><c>agora_getBurn</c>: what registering a neuron on <paramref name="netuid"/> burns now.</summary>
    public Task<BurnInfo> GetBurnAsync(ushort netuid, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<BurnInfo>("agora_getBurn", [netuid], cancellationToken);

    /// <summary><c>agora_getDelegates</c>: every owned hotkey, largest total stake first.</summary>
    public Task<IReadOnlyList<DelegateInfo>> GetDelegatesAsync(CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<IReadOnlyList<DelegateInfo>>("agora_getDelegates", null, cancellationToken);

    /// <summary><c>agora_getSenate</c>: the senate, largest stake first.</summary>
    public Task<IReadOnlyList<SenateMember>> GetSenateAsync(CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<IReadOnlyList<SenateMember>>("agora_getSenate", null, cancellationToken);

    /// <summary><c>agora_getProposals</c>: subnet proposals, oldest first (the newest ones, up to the node's cap).</summary>
    public Task<IReadOnlyList<ProposalInfo>> GetProposalsAsync(CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<IReadOnlyList<ProposalInfo>>("agora_getProposals", null, cancellationToken);

    /// <summary><c>chain_subscribeNewHeads</c>: every new best header. Needs a <see cref="RpcWebSocketClient"/>.</summary>
    public Task<RpcSubscription<BlockHeader>> SubscribeNewHeadsAsync(CancellationToken cancellationToken = default) =>
        _rpc is RpcWebSocketClient socket
            ? socket.SubscribeAsync<BlockHeader>("chain_subscribeNewHeads", "chain_unsubscribeNewHeads", null, cancellationToken)
            : throw new InvalidOperationException(
                "subscriptions need a WebSocket: build the ChainClient over await RpcWebSocketClient.ConnectAsync(url)");

    private static object?[] AtBlock(ushort netuid, ulong? block) => block is { } number ? [netuid, number] : [netuid];
}
