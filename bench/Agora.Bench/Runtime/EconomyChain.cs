using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Protocol.Blocks;
using Agora.Runtime.Execution;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.State;
using Agora.Storage;
using Agora.Testing.Chains;

namespace Agora.Bench.Runtime;

/// <summary>
/// A dev chain (subnet limit 128) with N staked subnets at genesis (<see cref="StakedSubnets"/>), on the memory store
/// through the node's own <see cref="ChainStore"/>, advanced a few empty blocks so every subnet's stake EMA and pending
/// emission are non-zero. Executes its next empty block over the committed state, as often as asked, without
/// committing it, so every execution does the same work.
/// </summary>
internal sealed class EconomyChain : IDisposable
{
    /// <summary>Empty blocks committed after genesis, so the timed block sees a steady state.</summary>
    public const int WarmUpBlockCount = 3;

    /// <summary>The subnet limit of every benchmark chain, so that the chains differ only in their subnets.</summary>
    public const int SubnetCountMax = 128;

    private readonly MemoryStore _store;
    private readonly ChainStore _chain;
    private readonly BlockContext _next;

    public EconomyChain(int subnetCount)
    {
        using var owner = DevChainSpec.DevKey("Dave");
        var dev = DevChainSpec.Create();
        var spec = StakedSubnets.Add(dev with { Parameters = dev.Parameters with { SubnetCountMax = SubnetCountMax } }, subnetCount, owner.Account);
        _store = new MemoryStore();
        _chain = ChainStore.OpenOrCreate(_store, spec);
        using var alice = DevChainSpec.DevKey(DevChainSpec.AccountNames[0]);
        for (var i = 0; i < WarmUpBlockCount; i++)
        {
            var context = Context(_chain.Best);
            var execution = new BlockBuilder(_chain.State, context).Finish();
            _chain.Commit(execution, root => new Block(
                new BlockHeader(context.Number, _chain.Best.Hash, root, ExtrinsicsRoot.Empty, context.TimestampMs, context.RuntimeVersion, alice.Account).SealWith(alice),
                []));
        }

        _next = Context(_chain.Best);
        CheckEverySubnetEarns(subnetCount);
    }

    /// <summary>State changes of the next empty block (one per subnet's economy record, plus the system's).</summary>
    public int ChangeCount { get; private set; }

    /// <summary>Executes the next block with no transactions: its <c>on_initialize</c> and <c>on_finalize</c> hooks.</summary>
    public BlockExecution Execute() => new BlockBuilder(_chain.State, _next).Finish();

    /// <summary>
    /// Executes the next empty block and puts its changes, the new tree nodes and the new state root into a write batch,
    /// as the node does before sealing (<see cref="ChainState.Apply"/>); the batch is dropped, so the state stays.
    /// </summary>
    public Hash256 ExecuteAndComputeRoot() => _chain.State.Apply(Execute().Changes, new WriteBatch());

    public void Dispose() => _store.Dispose();

    private BlockContext Context(BlockHeader parent) =>
        new(parent.Number + 1, parent.TimestampMs + _chain.Spec.BlockTimeMs, _chain.Spec.Authority, _chain.GenesisHash, _chain.Parameters);

    /// <summary>A benchmark of the bookkeeping must have bookkeeping to do: every subnet has stake, EMA and emission.</summary>
    private void CheckEverySubnetEarns(int subnetCount)
    {
        var state = new StateOverlay(_chain.State);
        var subnets = SubnetState.Economies(state).Where(s => s.Netuid != SubnetState.RootNetuid).ToArray();
        if (subnets.Length != subnetCount || subnets.Any(s => s.Economy.TotalStake == Rao.Zero || s.Economy.EmaStake == Rao.Zero || s.Economy.PendingEmission + s.Economy.Dust == Rao.Zero))
        {
            // Pending emission or, for a subnet whose (neuronless) epoch just carried it, dust.
            throw new InvalidOperationException($"expected {subnetCount} subnets each with stake, EMA and pending emission or carried dust, found {subnets.Length}: the benchmark would not measure the bookkeeping");
        }

        ChangeCount = Execute().Changes.Count;
        if (ChangeCount < subnetCount)
        {
            throw new InvalidOperationException($"the next block changes {ChangeCount} keys, fewer than the {subnetCount} subnets' economy records");
        }
    }
}
