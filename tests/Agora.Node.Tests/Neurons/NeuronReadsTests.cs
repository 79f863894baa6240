using Agora.Node.Host.Neurons;
using Agora.Node.Tests.Rpc;
using Agora.Runtime.Genesis;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Node.Tests.Neurons;

/// <summary>The metagraph, weights and bonds builders read with point lookups only, so they work on a past block's state.</summary>
public sealed class NeuronReadsTests
{
    [Fact]
    public void The_metagraph_and_matrix_reads_never_iterate_state()
    {
        // Given genesis state behind a reader that only answers Get, as a state-root lookup does
        var genesis = new StateOverlay(EmptyState.Instance);
        foreach (var change in GenesisBuilder.BuildState(NeuronChain.Spec()))
        {
            genesis.Set(change.Key, change.Value!);
        }

        WeightsState.SetRow(genesis, NeuronChain.Netuid, 1, new SparseU16Row([(0, 3)]));
        var lookupOnly = new GetOnlyState(genesis);

        // When the builders run over it
        var metagraph = NeuronReads.Metagraph(lookupOnly, NeuronChain.Netuid, 0);
        var weights = NeuronReads.WeightRows(lookupOnly, NeuronChain.Netuid);
        var bonds = NeuronReads.BondRows(lookupOnly, NeuronChain.Netuid);

        // Then they read everything without Iterate
        Assert.Equal(3, metagraph.Neurons.Length);
        Assert.Equal(NeuronChain.Stakes, metagraph.Neurons.Select(n => n.Stake));
        Assert.Equal((ushort)1, Assert.Single(weights).Uid);
        Assert.Empty(bonds);
    }

    [Theory]
    [InlineData(0UL, 100UL, 100UL, true)]
    [InlineData(0UL, 100UL, 101UL, false)]
    [InlineData(5UL, 100UL, 105UL, true)]
    [InlineData(ulong.MaxValue, ulong.MaxValue, 0UL, true)]
    public void A_neuron_is_active_while_last_update_plus_activity_cutoff_reaches_the_block(ulong lastUpdate, ulong cutoff, ulong block, bool active) =>
        Assert.Equal(active, NeuronReads.IsActive(lastUpdate, cutoff, block));

    private sealed class GetOnlyState(IStateReader inner) : IStateReader
    {
        public byte[]? Get(ReadOnlySpan<byte> key) => inner.Get(key);

        public IEnumerable<KeyValuePair<byte[], byte[]>> Iterate(ReadOnlyMemory<byte> prefix) =>
            throw new InvalidOperationException("a state-root lookup has no Iterate");
    }
}
