using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Protocol.Balances;
using Agora.Protocol.Transactions;
using Agora.Sdk.Client;

namespace Agora.EndToEnd.Tests.Harness;

/// <summary>
/// Many signed transfers from several senders to one destination, submitted as JSON-RPC batches with a pause
/// between batches so that the burst spans several blocks. The senders' nonces run on from their current
/// account nonces, interleaved so that every batch carries every sender. A node that dies mid-burst ends it.
/// </summary>
internal sealed class TransferBurst
{
    /// <summary>Transfers per burst.</summary>
    public const int TransactionCount = 500;

    /// <summary>Transfers per JSON-RPC batch.</summary>
    public const int BatchSize = 25;

    /// <summary>What each transfer moves.</summary>
    public static readonly Rao Amount = new(1_000);

    private static readonly TimeSpan BatchPause = TimeSpan.FromMilliseconds(50);

    private readonly NodeClient _client;
    private readonly IReadOnlyList<KeyPair> _senders;
    private readonly AccountId _destination;

    public TransferBurst(NodeClient client, IReadOnlyList<KeyPair> senders, AccountId destination)
    {
        _client = client;
        _senders = senders;
        _destination = destination;
    }

    /// <summary>Signs <see cref="TransactionCount"/> transfers against the node's current nonces and best block.</summary>
    public async Task<IReadOnlyList<SignedTransaction>> SignAsync()
    {
        var genesis = await _client.GenesisAsync();
        var best = await _client.BestAsync();
        var nonces = new List<ulong>();
        foreach (var sender in _senders)
        {
            nonces.Add((await _client.Chain.GetAccountAsync(sender.Account)).Nonce);
        }

        var era = new Era(best.Number, 256);
        var transactions = new List<SignedTransaction>(TransactionCount);
        for (var i = 0; i < TransactionCount; i++)
        {
            var sender = i % _senders.Count;
            var body = new TransactionBody(_senders[sender].Account, nonces[sender] + (ulong)(i / _senders.Count), era, Rao.Zero, new TransferCall(_destination, Amount));
            transactions.Add(SignedTransaction.Sign(body, _senders[sender], genesis));
        }

        return transactions;
    }

    /// <summary>
    /// Submits <paramref name="transactions"/> in batches until all are sent or the node stops answering.
    /// Returns how many the node accepted and the first rejections it gave.
    /// </summary>
    public async Task<BurstOutcome> SubmitAsync(IReadOnlyList<SignedTransaction> transactions)
    {
        var accepted = 0;
        var rejections = new List<string>();
        for (var start = 0; start < transactions.Count; start += BatchSize)
        {
            var batch = _client.Rpc.CreateBatch();
            var calls = transactions.Skip(start).Take(BatchSize)
                .Select(t => batch.Add<string>("author_submitTransaction", [HexFormat.Encode(t.Encoded)]))
                .ToList();
            try
            {
                await batch.SendAsync();
            }
            catch (RpcClientException e)
            {
                return new BurstOutcome(start, accepted, rejections, e.Message);
            }

            foreach (var call in calls)
            {
                try
                {
                    await call;
                    accepted++;
                }
                catch (RpcException e)
                {
                    rejections.Add(e.Message);
                }
            }

            await Task.Delay(BatchPause);
        }

        return new BurstOutcome(transactions.Count, accepted, rejections, null);
    }
}
