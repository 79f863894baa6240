using System.Text;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Protocol.Balances;
using Agora.Protocol.Transactions;

namespace Agora.Bench.Throughput;

/// <summary>
/// Every transfer of the timed phase, signed and serialised into JSON-RPC batch bodies before the clock
/// starts, so the generator's signing does not compete with the node for the cores. Transaction i is sent by
/// account i mod K with nonce i / K to account (i + 1) mod K (accounts are //load//0 …); batch b holds transactions [b·n, (b+1)·n).
/// </summary>
internal sealed class LoadPlan
{
    public const ulong TransferRao = 1;
    public const uint EraPeriodBlocks = 4096;

    private LoadPlan(Hash256[] hashes, byte[][] bodies, int batchCount)
    {
        Hashes = hashes;
        Bodies = bodies;
        BatchCount = batchCount;
    }

    /// <summary>Hash of transaction i (its JSON-RPC id is i too).</summary>
    public Hash256[] Hashes { get; }

    /// <summary>The JSON-RPC batch bodies, in sending order.</summary>
    public byte[][] Bodies { get; }

    /// <summary>Transactions per batch.</summary>
    public int BatchCount { get; }

    public int TransactionCount => Hashes.Length;

    /// <summary>Signs <paramref name="batches"/> × <paramref name="batchCount"/> transfers on all cores.</summary>
    public static LoadPlan Create(IReadOnlyList<KeyPair> keys, Hash256 genesis, ulong birthBlock, int batches, int batchCount)
    {
        var total = batches * batchCount;
        var encoded = new byte[total][];
        var hashes = new Hash256[total];
        var era = new Era(birthBlock, EraPeriodBlocks);
        Parallel.For(0, keys.Count, account =>
        {
            var key = keys[account];
            var destination = keys[(account + 1) % keys.Count].Account;
            for (var i = account; i < total; i += keys.Count)
            {
                var body = new TransactionBody(key.Account, (ulong)(i / keys.Count), era, Rao.Zero, new TransferCall(destination, new Rao(TransferRao)));
                var transaction = SignedTransaction.Sign(body, key, genesis);
                encoded[i] = transaction.Encoded;
                hashes[i] = transaction.Hash;
            }
        });

        var bodies = new byte[batches][];
        Parallel.For(0, batches, batch => bodies[batch] = SubmitBatchBody(encoded, batch * batchCount, batchCount));
        return new LoadPlan(hashes, bodies, batchCount);
    }

    /// <summary>A JSON-RPC batch of author_submitTransaction calls for encoded[first..first+count), ids = indices.</summary>
    public static byte[] SubmitBatchBody(IReadOnlyList<byte[]> encoded, int first, int count)
    {
        var text = new StringBuilder(count * 420);
        text.Append('[');
        for (var i = first; i < first + count; i++)
        {
            text.Append(i == first ? "" : ",")
                .Append("{\"jsonrpc\":\"2.0\",\"id\":").Append(i)
                .Append(",\"method\":\"author_submitTransaction\",\"params\":[\"0x")
                .Append(Convert.ToHexStringLower(encoded[i]))
                .Append("\"]}");
        }

        return Encoding.UTF8.GetBytes(text.Append(']').ToString());
    }
}
