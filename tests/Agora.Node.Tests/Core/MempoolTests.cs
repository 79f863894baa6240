using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Protocol.Transactions;
using Agora.Runtime.Execution;

namespace Agora.Node.Tests.Core;

public sealed class MempoolTests
{
    [Fact]
    public void Ready_transactions_come_in_nonce_order_per_sender_and_by_tip_across_senders()
    {
        using var node = new NodeFixture();
        var pool = new Mempool(new MempoolLimits());
        var aliceSecond = node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(1), nonce: 1, tip: new Rao(1000));
        var aliceFirst = node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(1), nonce: 0, tip: new Rao(1));
        var bob = node.Transfer(node.Bob, node.Alice.Account, Rao.FromTao(1), nonce: 0, tip: new Rao(50));
        pool.Add(aliceSecond, 0, Rich(aliceSecond));
        pool.Add(aliceFirst, 0, Rich(aliceFirst));
        pool.Add(bob, 0, Rich(bob));

        var order = pool.ReadyTransactions().Select(t => t.Hash).ToArray();

        Assert.Equal([bob.Hash, aliceFirst.Hash, aliceSecond.Hash], order);
    }

    [Fact]
    public void Same_nonce_replaces_only_with_a_higher_tip()
    {
        using var node = new NodeFixture();
        var pool = new Mempool(new MempoolLimits());
        var original = node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(1), nonce: 0, tip: new Rao(10));
        var cheaper = node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(2), nonce: 0, tip: new Rao(10));
        var richer = node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(3), nonce: 0, tip: new Rao(11));
        pool.Add(original, 0, Rich(original));

        Assert.Equal(TxError.NonceTaken, pool.Add(cheaper, 0, Rich(cheaper))?.Error);
        Assert.Null(pool.Add(richer, 0, Rich(richer)));
        Assert.Equal(1, pool.Count);
        Assert.True(pool.Contains(richer.Hash));
    }

    [Fact]
    public void Full_pool_evicts_the_cheapest_for_a_better_tip_and_refuses_otherwise()
    {
        using var node = new NodeFixture();
        var pool = new Mempool(new MempoolLimits { TransactionCountMax = 2 });
        var cheap = node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(1), nonce: 0, tip: new Rao(1));
        var middle = node.Transfer(node.Bob, node.Alice.Account, Rao.FromTao(1), nonce: 0, tip: new Rao(5));
        pool.Add(cheap, 0, Rich(cheap));
        pool.Add(middle, 0, Rich(middle));

        using var charlie = DevChainSpec.DevKey("Charlie");
        var poor = node.Transfer(charlie, node.Bob.Account, Rao.FromTao(1), nonce: 0, tip: new Rao(1));
        var rich = node.Transfer(charlie, node.Bob.Account, Rao.FromTao(1), nonce: 0, tip: new Rao(9));
        var refused = pool.Add(poor, 0, Rich(poor));
        var admitted = pool.Add(rich, 0, Rich(rich));

        Assert.Equal(TxError.PoolFull, refused?.Error);
        Assert.Null(admitted);
        Assert.False(pool.Contains(cheap.Hash));
        Assert.Equal(2, pool.Count);
    }

    [Fact]
    public void A_sender_cannot_fill_the_pool_beyond_its_own_limit()
    {
        using var node = new NodeFixture();
        var pool = new Mempool(new MempoolLimits { SenderNonceAheadCountMax = 2 });
        var first = node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(1), nonce: 0);
        var second = node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(1), nonce: 1);
        var third = node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(1), nonce: 2);
        pool.Add(first, 0, Rich(first));
        pool.Add(second, 0, Rich(second));

        var refused = pool.Add(third, 0, Rich(third));

        Assert.Equal(TxError.SenderPoolFull, refused?.Error);
    }

    [Fact]
    public void Pruning_drops_included_nonces_and_expired_transactions()
    {
        using var node = new NodeFixture();
        var pool = new Mempool(new MempoolLimits());
        var used = node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(1), nonce: 0);
        var waiting = node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao(1), nonce: 1);
        pool.Add(used, 0, Rich(used));
        pool.Add(waiting, 0, Rich(waiting));

        pool.Prune([node.Alice.Account], _ => 1, nextBlock: 2);
        Assert.Equal(1, pool.Count);
        pool.Prune([], _ => 1, nextBlock: 66);

        Assert.Equal(0, pool.Count);
        Assert.Equal(0, pool.Bytes);
    }

    /// <summary>A charge its payer (the sender) can pay whatever the tip: all that exists free, the tip the only cost.</summary>
    internal static TransactionCharge Rich(SignedTransaction transaction) =>
        new(transaction.Sender, new Rao(ulong.MaxValue), new TransactionCost(Rao.Zero, transaction.Body.Tip, Rao.Zero));
}
