using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Protocol.Balances;
using Agora.Protocol.Emission;
using Agora.Protocol.Transactions;

namespace Agora.Node.Tests.Core;

public sealed class NodeCoreTests
{
    [Fact]
    public void Submitted_transfer_is_included_in_the_next_block_and_moves_the_balance()
    {
        using var node = new NodeFixture();
        var transfer = node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(5));

        var submitted = node.Core.Submit(transfer.Encoded);
        var committed = node.Core.ProduceBlock();

        Assert.True(submitted.Accepted);
        Assert.Equal(transfer.Hash, submitted.Hash);
        Assert.Equal(1UL, committed.Block.Header.Number);
        Assert.Equal(transfer.Hash, Assert.Single(committed.Block.Transactions).Hash);
        Assert.Equal((DevChainSpec.AccountBalance - DevChainSpec.SenateStake + Rao.FromTao(5)).Value, node.Core.GetAccount(node.Bob.Account).Free.Value);
        Assert.True(committed.Block.Header.VerifySeal());
        Assert.Equal(0, node.Core.PendingCount);
        Assert.Contains(committed.Events, e => e.Event is Transferred);
    }

    [Fact]
    public void Malformed_bytes_are_rejected_naming_the_field()
    {
        using var node = new NodeFixture();

        var result = node.Core.Submit([1, 0, 5]);

        Assert.Equal(TxError.Malformed, result.Rejection?.Error);
        Assert.Contains("transaction.sender: truncated", result.Rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stale_nonce_and_duplicate_are_rejected_with_reasons()
    {
        using var node = new NodeFixture();
        var first = node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(1));
        var pending = node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(1), nonce: 1);
        node.Core.Submit(first.Encoded);
        node.Core.ProduceBlock();
        node.Core.Submit(pending.Encoded);

        var stale = node.Core.Submit(first.Encoded);
        var duplicate = node.Core.Submit(pending.Encoded);

        Assert.Equal(TxError.StaleNonce, stale.Rejection?.Error);
        Assert.Equal(TxError.Duplicate, duplicate.Rejection?.Error);
    }

    [Fact]
    public void Transaction_with_insufficient_balance_is_rejected_at_admission()
    {
        using var node = new NodeFixture();
        using var nobody = DevChainSpec.DevKey("Nobody");

        var result = node.Core.Submit(node.Transfer(nobody, node.Bob.Account, Rao.FromTao(1)).Encoded);

        Assert.Equal(TxError.InsufficientBalance, result.Rejection?.Error);
    }

    [Fact]
    public void Transactions_with_a_nonce_gap_wait_until_the_gap_is_filled()
    {
        using var node = new NodeFixture();
        var second = node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(1), nonce: 1);
        node.Core.Submit(second.Encoded);

        var withGap = node.Core.ProduceBlock();
        node.Core.Submit(node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(1), nonce: 0).Encoded);
        var filled = node.Core.ProduceBlock();

        Assert.Empty(withGap.Block.Transactions);
        Assert.Equal([0UL, 1UL], filled.Block.Transactions.Select(t => t.Body.Nonce));
    }

    [Fact]
    public void Reopening_the_store_resumes_at_the_same_best_block_and_state_root()
    {
        using var node = new NodeFixture();
        node.Core.Submit(node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(2)).Encoded);
        node.Core.ProduceBlock();
        var best = node.Core.ProduceBlock().Block.Header;

        var reopened = ChainStore.OpenOrCreate(node.Store, DevChainSpec.Create(blockTimeMs: 5));

        Assert.Equal(best.Hash, reopened.Best.Hash);
        Assert.Equal(best.StateRoot, reopened.State.Root);
        Assert.Equal(node.Chain.GenesisHash, reopened.GenesisHash);
        Assert.Equal(1000UL, reopened.Spec.BlockTimeMs);
        Assert.Equal(best.StateRoot, reopened.State.VerifyFull());
    }

    [Fact]
    public void Every_block_changes_the_state_root_and_links_to_its_parent()
    {
        using var node = new NodeFixture();
        var genesis = node.Core.Best;

        var first = node.Core.ProduceBlock().Block.Header;
        node.Time.Advance(TimeSpan.FromSeconds(1));
        var second = node.Core.ProduceBlock().Block.Header;

        Assert.Equal(genesis.Hash, first.ParentHash);
        Assert.Equal(first.Hash, second.ParentHash);
        Assert.NotEqual(genesis.StateRoot, first.StateRoot);
        Assert.NotEqual(first.StateRoot, second.StateRoot);
        Assert.True(second.TimestampMs > first.TimestampMs);
        Assert.Equal(second.Hash, node.Chain.GetBlockHash(2));
        Assert.DoesNotContain(node.Chain.GetEvents(second.Hash), e => e.Event is EmissionMinted); // no subnet, no emission
    }

    [Fact]
    public void Under_a_flood_a_funded_transfer_is_included_within_two_blocks()
    {
        // Given a pool of 2,048 transactions (256 future), 32 funded senders that fill it queuing up to the ahead
        // bound, futures first, and 2,000 unfunded senders offering the largest tip on a future nonce
        using var node = new NodeFixture(new MempoolLimits { TransactionCountMax = 2048, FutureTransactionCountMax = 256 });
        var flooders = NodeFixture.FreshKeys(0xF1, 32);
        try
        {
            node.Fund(flooders.Select(k => k.Account), Rao.FromTao(100));
            var ahead = new MempoolLimits().SenderNonceAheadCountMax;
            var futures = flooders.SelectMany(k => Enumerable.Range(ahead / 2, ahead / 2).Select(n => node.Transfer(k, node.Bob.Account, Rao.FromTao(1), (ulong)n))).ToArray();
            var futuresAdmitted = futures.Count(t => node.Core.Submit(t).Accepted);
            var readies = flooders.SelectMany(k => Enumerable.Range(0, ahead / 2).Select(n => node.Transfer(k, node.Bob.Account, Rao.FromTao(1), (ulong)n))).ToArray();
            var readyResults = readies.Select(node.Core.Submit).ToArray();
            var retriedResults = futures.Select(node.Core.Submit).ToArray();
            var beyondBound = node.Core.Submit(node.Transfer(flooders[0], node.Bob.Account, Rao.FromTao(1), (ulong)ahead));
            var unfundedResults = UnfundedFloodTransactions(node, 0xF2, 2000, nonce: _ => 1).Select(node.Core.Submit).ToArray();

            // When //Alice sends //Bob a transfer: refused without a tip by a pool full of fee-paying transfers, let in by the smallest one
            var untipped = node.Core.Submit(node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(5)));
            var transfer = node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(5), tip: new Rao(1));
            var submitted = node.Core.Submit(transfer);
            var first = node.Core.ProduceBlock();
            node.Time.Advance(TimeSpan.FromSeconds(1));
            var second = node.Core.ProduceBlock();

            // Then
            Assert.Equal(256, futuresAdmitted);
            Assert.All(readyResults, r => Assert.True(r.Accepted, r.Rejection?.Message));
            Assert.All(retriedResults, r => Assert.True(r.Accepted || r.Rejection?.Error == TxError.Duplicate, r.Rejection?.Message));
            Assert.Equal(TxError.SenderPoolFull, beyondBound.Rejection?.Error);
            Assert.All(unfundedResults, r => Assert.Equal(TxError.InsufficientBalance, r.Rejection?.Error));
            Assert.Equal(TxError.PoolFull, untipped.Rejection?.Error);
            Assert.True(submitted.Accepted, submitted.Rejection?.Message);
            Assert.Contains(first.Block.Transactions.Concat(second.Block.Transactions), t => t.Hash == transfer.Hash);
        }
        finally
        {
            foreach (var key in flooders)
            {
                key.Dispose();
            }
        }
    }

    [Fact]
    public void Twenty_thousand_unfunded_senders_offering_any_tip_on_a_future_nonce_are_all_refused_and_the_pool_stays_empty()
    {
        using var node = new NodeFixture();
        var flood = UnfundedFloodTransactions(node, 0xF3, 20_000, nonce: i => 1 + (ulong)(i % 8));

        var results = flood.Select(node.Core.Submit).ToArray();

        Assert.All(results, r => Assert.Equal(TxError.InsufficientBalance, r.Rejection?.Error));
        Assert.Equal(0, node.Core.PendingCount);
    }

    // Transfers of everything that exists with the largest tip, on a future nonce, from accounts that hold nothing. Each
    // key is dropped once it signed: keys live in locked memory, which is scarce.
    private static SignedTransaction[] UnfundedFloodTransactions(NodeFixture node, byte tag, int count, Func<int, ulong> nonce) =>
        Enumerable.Range(0, count).Select(i =>
        {
            using var key = NodeFixture.FreshKey(tag, i);
            return node.Sign(key, new TransferCall(node.Bob.Account, new Rao(ulong.MaxValue)), nonce(i), new Rao(ulong.MaxValue));
        }).ToArray();
}
