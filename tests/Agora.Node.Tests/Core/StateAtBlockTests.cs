using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Runtime.State;
using Agora.Storage;
using Agora.Storage.Tree;

namespace Agora.Node.Tests.Core;

/// <summary>Reading the state after an older block: <see cref="ChainStore.StateAt"/> and <see cref="NodeCore.ReadAt{T}"/>.</summary>
public sealed class StateAtBlockTests
{
    [Fact]
    public void ReadAt_each_past_block_reads_the_balances_and_header_of_that_block()
    {
        using var node = new NodeFixture();
        var bob = node.Bob.Account;
        var balances = ProduceTransfersToBob(node, blockCount: 3);

        for (ulong number = 0; number <= 3; number++)
        {
            var at = node.Core.ReadAt(number, static at => at)!;

            Assert.Equal(number, at.Header.Number);
            Assert.Equal(node.Chain.GetBlockHash(number), at.Header.Hash);
            Assert.Equal(balances[(int)number], at.State.ReadAccount(bob).Free);
        }
    }

    [Fact]
    public void The_best_block_is_read_from_the_flat_state_and_older_blocks_from_their_state_roots()
    {
        using var node = new NodeFixture();
        ProduceTransfersToBob(node, blockCount: 2);

        var best = node.Core.ReadAt(null, static at => at)!;
        var bestByNumber = node.Chain.StateAt(2)!;
        var past = node.Chain.StateAt(1)!;

        Assert.Equal(2UL, best.Header.Number);
        Assert.IsType<ChainState>(best.State);
        Assert.IsType<ChainState>(bestByNumber.State);
        Assert.Equal(past.Header.StateRoot, Assert.IsType<StateAtRoot>(past.State).Root);
        Assert.Equal(node.Chain.Parameters, past.Parameters);
    }

    [Fact]
    public void A_block_beyond_the_best_has_no_state()
    {
        using var node = new NodeFixture();
        ProduceTransfersToBob(node, blockCount: 1);

        Assert.Null(node.Core.ReadAt(2, static at => at));
        Assert.Null(node.Chain.StateAt(ulong.MaxValue));
    }

    [Fact]
    public void A_past_block_still_reads_its_own_state_after_newer_blocks_and_a_reopen()
    {
        using var node = new NodeFixture();
        var balances = ProduceTransfersToBob(node, blockCount: 2);
        ProduceTransfersToBob(node, blockCount: 2);

        var reopened = ChainStore.Open(node.Store)!;

        Assert.Equal(balances[1], reopened.StateAt(1)!.State.ReadAccount(node.Bob.Account).Free);
        Assert.Equal(4UL, reopened.Best.Number);
    }

    [Fact]
    public void Opening_a_chain_written_before_values_were_kept_keeps_the_best_states_values_for_later_blocks()
    {
        using var node = new NodeFixture();
        var forget = new WriteBatch();
        foreach (var entry in node.Store.Iterate(Column.StateValues, ReadOnlyMemory<byte>.Empty))
        {
            forget.Delete(Column.StateValues, entry.Key);
        }

        node.Store.Write(forget);
        Assert.Throws<StorageException>(() => node.Chain.State.Tree.At(node.Chain.Best.StateRoot).ReadAccount(node.Alice.Account));

        var reopened = ChainStore.Open(node.Store)!;

        Assert.Equal(
            reopened.State.ReadAccount(node.Alice.Account),
            reopened.State.Tree.At(reopened.Best.StateRoot).ReadAccount(node.Alice.Account));
    }

    [Fact]
    public void A_past_read_runs_outside_the_gate_so_a_block_can_be_produced_meanwhile()
    {
        using var node = new NodeFixture();
        var balances = ProduceTransfersToBob(node, blockCount: 2);

        var read = node.Core.ReadAt(1, at =>
        {
            // With the gate held this would deadlock (the wait is only a guard against hanging the run).
            Exception? failure = null;
            var producer = new Thread(() => failure = Record.Exception(() => ProduceTransfersToBob(node, blockCount: 1)));
            producer.Start();
            Assert.True(producer.Join(TimeSpan.FromMinutes(1)), "block production waited for a past-state read");
            Assert.Null(failure);
            return new[] { at.State.ReadAccount(node.Bob.Account).Free };
        })!;

        Assert.Equal(3UL, node.Core.Best.Number);
        Assert.Equal(balances[1], Assert.Single(read));
    }

    [Fact]
    public void GetHeader_reads_a_blocks_header_without_its_transactions_and_null_for_an_unknown_hash()
    {
        using var node = new NodeFixture();
        ProduceTransfersToBob(node, blockCount: 1);
        var hash = node.Chain.GetBlockHash(1)!.Value;

        Assert.Equal(node.Chain.GetBlock(hash)!.Header.Hash, node.Chain.GetHeader(hash)!.Hash);
        Assert.Null(node.Chain.GetHeader(Hash256.Of([1, 2, 3])));
    }

    [Fact]
    public void An_indexed_block_missing_from_the_store_is_an_error_naming_the_fix()
    {
        using var node = new NodeFixture();
        ProduceTransfersToBob(node, blockCount: 2);
        var hash = node.Chain.GetBlockHash(1)!.Value;
        var loss = new WriteBatch();
        loss.Delete(Column.Blocks, hash.Bytes);
        node.Store.Write(loss);

        var error = Assert.Throws<StorageException>(() => node.Chain.StateAt(1));

        Assert.Contains($"names {hash} as block 1, but the block is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("resync", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Seals <paramref name="blockCount"/> blocks, each with a transfer to //Bob; returns Bob's balance after each block from the current best on (index 0 = before them).</summary>
    private static List<Rao> ProduceTransfersToBob(NodeFixture node, int blockCount)
    {
        var balances = new List<Rao> { node.Core.GetAccount(node.Bob.Account).Free };
        for (var i = 1; i <= blockCount; i++)
        {
            var result = node.Core.Submit(node.Transfer(node.Alice, node.Bob.Account, Rao.FromTao((ulong)i)));
            Assert.True(result.Accepted, result.Rejection?.Message);
            node.Core.ProduceBlock();
            node.Time.Advance(TimeSpan.FromSeconds(1));
            balances.Add(node.Core.GetAccount(node.Bob.Account).Free);
        }

        return balances;
    }
}
