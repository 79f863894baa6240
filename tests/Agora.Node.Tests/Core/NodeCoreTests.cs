using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Runtime.Modules.Balances;
using Agora.Runtime.Modules.Emission;
using Agora.Runtime.Transactions;

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
}
