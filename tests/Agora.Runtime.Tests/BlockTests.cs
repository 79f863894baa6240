using Agora.Core.Primitives;
using Agora.Protocol.Blocks;
using Agora.Runtime.Execution;

namespace Agora.Runtime.Tests;

public sealed class BlockTests
{
    [Fact]
    public void Block_round_trips_through_its_encoding_and_the_seal_verifies()
    {
        using var chain = new TestChain();
        var transactions = new[] { chain.Transfer(chain.Keys[0], chain.Keys[1].Account, Rao.FromTao(1)) };
        var header = new BlockHeader(1, Hash256.Of("parent"u8), Hash256.Of("state"u8),
            ExtrinsicsRoot.Compute(transactions.Select(t => t.Hash).ToArray()), 1234, RuntimeVersion.Current, chain.Author.Account).SealWith(chain.Author);
        var block = new Block(header, transactions);

        var decoded = Block.Decode(block.Encode(), chain.Parameters.BlockTransactionCountMax, chain.Parameters.TransactionBytesMax);

        Assert.Equal(header.Hash, decoded.Header.Hash);
        Assert.True(decoded.Header.VerifySeal());
        Assert.Equal(transactions[0].Hash, decoded.Transactions[0].Hash);
        Assert.False((decoded.Header with { TimestampMs = 1235 }).VerifySeal());
    }

    [Fact]
    public void Importing_a_block_with_an_invalid_transaction_is_refused_naming_it()
    {
        using var chain = new TestChain();
        var bad = chain.Transfer(chain.Keys[0], chain.Keys[1].Account, Rao.FromTao(1), nonce: 9);
        var header = new BlockHeader(1, Hash256.Zero, Hash256.Zero, ExtrinsicsRoot.Compute([bad.Hash]), 1000, RuntimeVersion.Current, chain.Author.Account);

        var error = Assert.Throws<InvalidBlockException>(() => BlockExecutor.Execute(chain.State, new Block(header, [bad]), chain.NextContext()));

        Assert.Contains("transaction 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("FutureNonce", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Importing_a_block_whose_extrinsics_root_lies_is_refused()
    {
        using var chain = new TestChain();
        var transfer = chain.Transfer(chain.Keys[0], chain.Keys[1].Account, Rao.FromTao(1));
        var header = new BlockHeader(1, Hash256.Zero, Hash256.Zero, ExtrinsicsRoot.Empty, 1000, RuntimeVersion.Current, chain.Author.Account);

        var error = Assert.Throws<InvalidBlockException>(() => BlockExecutor.Execute(chain.State, new Block(header, [transfer]), chain.NextContext()));

        Assert.Contains("extrinsics root", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Re_executing_a_produced_block_gives_the_same_changes_and_events()
    {
        using var chain = new TestChain();
        var parent = chain.State.Copy();
        var context = chain.NextContext();
        var transactions = new[]
        {
            chain.Transfer(chain.Keys[0], chain.Keys[1].Account, Rao.FromTao(1)),
            chain.Transfer(chain.Keys[1], chain.Keys[2].Account, Rao.FromTao(2), tip: new Rao(5)),
        };
        var (produced, _) = chain.Produce(transactions);
        var header = new BlockHeader(1, Hash256.Zero, Hash256.Zero, ExtrinsicsRoot.Compute(transactions.Select(t => t.Hash).ToArray()), 1000, RuntimeVersion.Current, chain.Author.Account);

        var imported = BlockExecutor.Execute(parent, new Block(header, transactions), context);

        Assert.Equal(produced.Changes.Select(c => Convert.ToHexString(c.Key) + Convert.ToHexString(c.Value ?? [])),
            imported.Changes.Select(c => Convert.ToHexString(c.Key) + Convert.ToHexString(c.Value ?? [])));
        Assert.Equal(produced.Events, imported.Events);
    }
}
