using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Protocol.Transactions;
using Agora.Runtime.Execution;

namespace Agora.Node.Tests.Core;

/// <summary>The pool's ready/future split, its bounds and the sums it keeps per payer.</summary>
public sealed class MempoolQueueTests : IDisposable
{
    private readonly NodeFixture _node = new();
    private readonly KeyPair _charlie = DevChainSpec.DevKey("Charlie");
    private readonly KeyPair _dave = DevChainSpec.DevKey("Dave");
    private readonly KeyPair _eve = DevChainSpec.DevKey("Eve");

    public void Dispose()
    {
        _charlie.Dispose();
        _dave.Dispose();
        _eve.Dispose();
        _node.Dispose();
    }

    [Fact]
    public void A_ready_transaction_evicts_future_ones_when_the_pool_is_full_but_never_the_reverse()
    {
        var pool = new Mempool(new MempoolLimits { TransactionCountMax = 2 });
        var aliceFuture = Transfer(_node.Alice, nonce: 5, tip: ulong.MaxValue);
        var bobFuture = Transfer(_node.Bob, nonce: 3, tip: ulong.MaxValue);
        Assert.Null(Add(pool, aliceFuture));
        Assert.Null(Add(pool, bobFuture));

        var charlieReady = Transfer(_charlie, nonce: 0, tip: 0);
        var daveReady = Transfer(_dave, nonce: 0, tip: 0);
        var charlieAdmitted = Add(pool, charlieReady);
        var daveAdmitted = Add(pool, daveReady);
        var eveFuture = Add(pool, Transfer(_eve, nonce: 1, tip: ulong.MaxValue));

        Assert.Null(charlieAdmitted);
        Assert.Null(daveAdmitted);
        Assert.False(pool.Contains(aliceFuture.Hash));
        Assert.False(pool.Contains(bobFuture.Hash));
        Assert.Equal(TxError.PoolFull, eveFuture?.Error);
        Assert.Contains("submit nonce 0 first", eveFuture!.Message, StringComparison.Ordinal);
        Assert.Equal([charlieReady.Hash, daveReady.Hash], pool.ReadyTransactions().Select(t => t.Hash));
        Assert.Equal(0, pool.FutureCount);
    }

    [Fact]
    public void Futures_become_ready_when_the_gap_fills()
    {
        var pool = new Mempool(new MempoolLimits());
        var second = Transfer(_node.Alice, nonce: 1, tip: 0);
        var third = Transfer(_node.Alice, nonce: 2, tip: 0);
        Add(pool, third);
        Add(pool, second);
        Assert.Empty(pool.ReadyTransactions());
        Assert.Equal(2, pool.FutureCount);

        var first = Transfer(_node.Alice, nonce: 0, tip: 0);
        Assert.Null(Add(pool, first));

        Assert.Equal([first.Hash, second.Hash, third.Hash], pool.ReadyTransactions().Select(t => t.Hash));
        Assert.Equal(3, pool.ReadyCount);
        Assert.Equal(0, pool.FutureCount);
        Assert.Equal(0, pool.FutureBytes);
    }

    [Fact]
    public void Futures_become_ready_when_a_block_moves_the_account_nonce_up_to_them()
    {
        var pool = new Mempool(new MempoolLimits());
        var waiting = Transfer(_node.Alice, nonce: 1, tip: 0);
        Add(pool, waiting);

        pool.Prune([_node.Alice.Account], _ => 1, nextBlock: 2);

        Assert.True(pool.IsReady(waiting.Hash));
        Assert.Equal([waiting.Hash], pool.ReadyTransactions().Select(t => t.Hash));
    }

    [Fact]
    public void The_future_queue_is_bounded_and_a_full_one_gives_way_only_to_a_higher_tip()
    {
        var pool = new Mempool(new MempoolLimits { FutureTransactionCountMax = 2 });
        var aliceFuture = Transfer(_node.Alice, nonce: 1, tip: 5);
        var bobFuture = Transfer(_node.Bob, nonce: 1, tip: 5);
        Add(pool, aliceFuture);
        Add(pool, bobFuture);

        var sameTip = Add(pool, Transfer(_charlie, nonce: 1, tip: 5));
        var higherTip = Transfer(_charlie, nonce: 2, tip: 9);
        var higherAdmitted = Add(pool, higherTip);
        var ready = Add(pool, Transfer(_dave, nonce: 0, tip: 0));

        Assert.Equal(TxError.PoolFull, sameTip?.Error);
        Assert.Contains("future queue is full", sameTip!.Message, StringComparison.Ordinal);
        Assert.Null(higherAdmitted);
        Assert.False(pool.Contains(bobFuture.Hash)); // the cheapest future: same tip as Alice's, later arrival
        Assert.True(pool.Contains(aliceFuture.Hash));
        Assert.Null(ready);
        Assert.Equal(2, pool.FutureCount);
        Assert.Equal(1, pool.ReadyCount);
    }

    [Fact]
    public void The_future_queue_is_bounded_in_bytes_too()
    {
        var first = Transfer(_node.Alice, nonce: 1, tip: 0);
        var pool = new Mempool(new MempoolLimits { FutureTransactionBytesMax = first.Encoded.Length + 10 });
        Add(pool, first);

        var second = Add(pool, Transfer(_node.Bob, nonce: 1, tip: 0));

        Assert.Equal(TxError.PoolFull, second?.Error);
        Assert.Equal(first.Encoded.Length, pool.FutureBytes);
    }

    [Fact]
    public void A_sender_may_queue_at_most_the_ahead_bound_past_its_account_nonce()
    {
        var limits = new MempoolLimits();
        var pool = new Mempool(limits);
        var last = (ulong)limits.SenderNonceAheadCountMax - 1;

        var inside = Add(pool, Transfer(_node.Alice, nonce: last, tip: 0));
        var beyond = Add(pool, Transfer(_node.Alice, nonce: last + 1, tip: 0));

        Assert.Equal(64, limits.SenderNonceAheadCountMax);
        Assert.Null(inside);
        Assert.Equal(TxError.SenderPoolFull, beyond?.Error);
        Assert.Contains("nonces 0 … 63", beyond!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Costs_are_summed_per_payer_and_a_second_transaction_that_does_not_fit_is_refused()
    {
        var pool = new Mempool(new MempoolLimits());
        var first = Transfer(_node.Alice, nonce: 0, tip: 0);
        var second = Transfer(_node.Alice, nonce: 5, tip: 0);

        var firstAdmitted = pool.Add(first, 0, Charge(first, free: 10, spend: 6));
        var secondRefused = pool.Add(second, 0, Charge(second, free: 10, spend: 6));

        Assert.Null(firstAdmitted);
        Assert.Equal(TxError.InsufficientBalance, secondRefused?.Error);
        Assert.Contains("has 10.0 TAO free; its 1 waiting transactions reserve 6.000000001 TAO and this one needs 6.000000001 TAO", secondRefused!.Message, StringComparison.Ordinal);
        Assert.Equal(Rao.FromTao(6).Value + 1, pool.Reserved(_node.Alice.Account).Value);
    }

    [Fact]
    public void A_replacement_releases_what_the_replaced_transaction_reserved()
    {
        var pool = new Mempool(new MempoolLimits());
        var original = Transfer(_node.Alice, nonce: 0, tip: 0);
        var replacement = Transfer(_node.Alice, nonce: 0, tip: 1);
        pool.Add(original, 0, Charge(original, free: 10, spend: 6));

        var replaced = pool.Add(replacement, 0, Charge(replacement, free: 10, spend: 9));

        Assert.Null(replaced);
        Assert.False(pool.Contains(original.Hash));
        Assert.Equal(Rao.FromTao(9).Value + 2, pool.Reserved(_node.Alice.Account).Value);
    }

    [Fact]
    public void After_a_block_a_payer_that_can_no_longer_pay_loses_its_highest_nonces_until_the_rest_fit()
    {
        var pool = new Mempool(new MempoolLimits());
        var transfers = Enumerable.Range(0, 3).Select(n => Transfer(_node.Alice, nonce: (ulong)n, tip: 0)).ToArray();
        foreach (var transfer in transfers)
        {
            Assert.Null(pool.Add(transfer, 0, Charge(transfer, free: 12, spend: 3)));
        }

        var untouched = pool.Recheck([_node.Bob.Account], _ => Rao.Zero);
        var dropped = pool.Recheck([_node.Alice.Account], _ => Rao.FromTao(7));

        Assert.Equal(0, untouched);
        Assert.Equal(1, dropped);
        Assert.True(pool.Contains(transfers[0].Hash));
        Assert.True(pool.Contains(transfers[1].Hash));
        Assert.False(pool.Contains(transfers[2].Hash));
        Assert.Equal(2 * (Rao.FromTao(3).Value + 1), pool.Reserved(_node.Alice.Account).Value);
    }

    [Fact]
    public void Removing_a_ready_transaction_drops_the_later_ones_of_its_sender_that_waited_on_it()
    {
        var pool = new Mempool(new MempoolLimits());
        var transfers = Enumerable.Range(0, 3).Select(n => Transfer(_node.Alice, nonce: (ulong)n, tip: 0)).ToArray();
        foreach (var transfer in transfers)
        {
            Add(pool, transfer);
        }

        pool.Remove(transfers[1].Hash);

        Assert.Equal([transfers[0].Hash], pool.ReadyTransactions().Select(t => t.Hash));
        Assert.Equal(1, pool.Count);
        Assert.Equal(0, pool.FutureCount);
        Assert.Equal(transfers[0].Encoded.Length, pool.Bytes);
    }

    private SignedTransaction Transfer(KeyPair from, ulong nonce, ulong tip) =>
        _node.Transfer(from, _node.Bob.Account, Rao.FromTao(1), nonce, new Rao(tip));

    private static TxRejection? Add(Mempool pool, SignedTransaction transaction) => pool.Add(transaction, 0, MempoolTests.Rich(transaction));

    // A charge of fee 1 rao + tip + spend TAO against a payer (the sender) with free TAO.
    private static TransactionCharge Charge(SignedTransaction transaction, ulong free, ulong spend) =>
        new(transaction.Sender, Rao.FromTao(free), new TransactionCost(new Rao(1), transaction.Body.Tip, Rao.FromTao(spend)));
}
