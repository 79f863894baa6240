using Agora.Protocol.Blocks;
using Agora.Storage;

namespace Agora.Runtime.Execution;

/// <summary>Re-executes a received or stored block; every transaction in it must apply.</summary>
public static class BlockExecutor
{
    /// <summary>
    /// Executes <paramref name="block"/> over <paramref name="parentState"/>, verifying every signature.
    /// Throws <see cref="InvalidBlockException"/> naming the first problem.
    /// </summary>
    public static BlockExecution Execute(IStateReader parentState, Block block, BlockContext context)
    {
        if (!Agora.Runtime.RuntimeVersion.IsSupported(block.Header.RuntimeVersion))
        {
            throw new InvalidBlockException($"block {block.Header.Number} uses runtime version {block.Header.RuntimeVersion}, which this node does not know; upgrade the node");
        }

        var builder = new BlockBuilder(parentState, context with { RuntimeVersion = block.Header.RuntimeVersion });
        for (var i = 0; i < block.Transactions.Count; i++)
        {
            var transaction = block.Transactions[i];
            if (!builder.HasRoomFor(transaction))
            {
                throw new InvalidBlockException($"block {block.Header.Number} exceeds the block limits at transaction {i}");
            }

            if (builder.TryApply(transaction, signatureVerified: false) is { } rejection)
            {
                throw new InvalidBlockException($"block {block.Header.Number} transaction {i} ({transaction.Hash}) is invalid: {rejection}");
            }
        }

        var expectedRoot = ExtrinsicsRoot.Compute(block.Transactions.Select(t => t.Hash).ToArray());
        if (expectedRoot != block.Header.ExtrinsicsRoot)
        {
            throw new InvalidBlockException($"block {block.Header.Number} extrinsics root {block.Header.ExtrinsicsRoot} does not match its transactions ({expectedRoot})");
        }

        return builder.Finish();
    }
}
