using System.Text.Json;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Protocol.Transactions;

namespace Agora.Sdk.Client;

/// <summary>
/// Builds, signs and submits transactions over a <see cref="ChainClient"/>: reads the sender's nonce, the best
/// block (for the era) and the genesis hash (for the signature), and waits for inclusion by following new blocks.
/// </summary>
public sealed class TransactionSender
{
    private readonly IRpcCaller _rpc;
    private readonly ChainClient _chain;
    private readonly TimeProvider _time;
    private Hash256? _genesis;

    /// <summary>Sends over <paramref name="rpc"/>; <paramref name="time"/> paces polling.</summary>
    public TransactionSender(IRpcCaller rpc, TimeProvider time)
    {
        _rpc = rpc;
        _chain = new ChainClient(rpc);
        _time = time;
    }

    /// <summary>How long a transaction stays valid, in blocks.</summary>
    public uint MortalityBlocks { get; init; } = 64;

    /// <summary>How often to look for new blocks while waiting.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Signs <paramref name="call"/> from <paramref name="signer"/> with the account's next nonce.</summary>
    public async Task<SignedTransaction> SignAsync(KeyPair signer, Call call, Rao tip, CancellationToken cancellationToken = default)
    {
        var genesis = _genesis ??= await _chain.GetBlockHashAsync(0, cancellationToken)
            ?? throw new RpcClientException("the node has no genesis block");
        var account = await _chain.GetAccountAsync(signer.Account, cancellationToken);
        var best = await _chain.GetHeaderAsync(cancellationToken: cancellationToken)
            ?? throw new RpcClientException("the node has no best block");
        var body = new TransactionBody(signer.Account, account.Nonce, new Era(best.Number, MortalityBlocks), tip, call);
        return SignedTransaction.Sign(body, signer, genesis);
    }

    /// <summary>The fee the node would charge for <paramref name="transaction"/>.</summary>
    public async Task<Rao> QueryFeeAsync(SignedTransaction transaction, CancellationToken cancellationToken = default) =>
        (await _chain.QueryFeeAsync(transaction.Encoded, cancellationToken)).Fee;

    /// <summary>Submits; a rejection throws <see cref="RpcException"/> with the node's reason.</summary>
    public Task<Hash256> SubmitAsync(SignedTransaction transaction, CancellationToken cancellationToken = default) =>
        _chain.SubmitTransactionAsync(transaction.Encoded, cancellationToken);

    /// <summary>
    /// Follows blocks from the transaction's birth until one includes it; the result carries the transaction's
    /// events and, when its call failed at block time, <see cref="TransactionInclusion.Failure"/>. Throws
    /// <see cref="RpcClientException"/> when its era ends without inclusion.
    /// </summary>
    public async Task<TransactionInclusion> WaitForInclusionAsync(SignedTransaction transaction, CancellationToken cancellationToken = default)
    {
        var next = transaction.Body.Era.BirthBlock + 1;
        var last = transaction.Body.Era.LastValidBlock;
        while (next <= last)
        {
            var best = await _chain.GetHeaderAsync(cancellationToken: cancellationToken)
                ?? throw new RpcClientException("the node has no best block");
            for (; next <= best.Number && next <= last; next++)
            {
                var hash = await _chain.GetBlockHashAsync(next, cancellationToken);
                if (hash is null)
                {
                    break;
                }

                // The light form finds the transaction; only the block that holds it is fetched whole, for its events.
                var light = await _chain.GetLightBlockAsync(hash.Value, cancellationToken);
                var index = light is null ? -1 : IndexOf(light.Transactions, transaction.Hash);
                if (index >= 0)
                {
                    var block = await _rpc.CallAsync<BlockEvents>("chain_getBlock", [hash.Value], cancellationToken);
                    return new TransactionInclusion(transaction.Hash, next, hash.Value, index, EventsOf(block, index));
                }
            }

            if (next <= last)
            {
                await Task.Delay(PollInterval, _time, cancellationToken);
            }
        }

        throw new RpcClientException($"transaction {transaction.Hash} was not included before its era ended at block {last}; check the account's nonce and send it again");
    }

    /// <summary>
    /// <see cref="WaitForInclusionAsync"/>, then <see cref="CallFailedException"/> when the call failed: success
    /// means included and not failed.
    /// </summary>
    public async Task<TransactionInclusion> WaitForSuccessAsync(SignedTransaction transaction, CancellationToken cancellationToken = default) =>
        (await WaitForInclusionAsync(transaction, cancellationToken)).EnsureSucceeded();

    private static int IndexOf(IReadOnlyList<Hash256> transactions, Hash256 hash)
    {
        for (var i = 0; i < transactions.Count; i++)
        {
            if (transactions[i] == hash)
            {
                return i;
            }
        }

        return -1;
    }

    private static JsonElement[] EventsOf(BlockEvents block, int index) =>
        (block.Events ?? []).Where(e => e.TryGetProperty("transaction_index", out var i) && i.ValueKind == JsonValueKind.Number && i.GetInt32() == index).ToArray();
}
