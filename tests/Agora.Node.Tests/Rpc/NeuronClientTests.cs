using Agora.Core.FixedPoint;
using Agora.Core.Primitives;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Weights;
using Agora.Sdk.Client;

namespace Agora.Node.Tests.Rpc;

/// <summary>The SDK's typed neuron reads against the real RPC.</summary>
public sealed class NeuronClientTests : IAsyncLifetime
{
    private ChainRpcNode _node = null!;

    public async Task InitializeAsync() => _node = await ChainRpcNode.StartAsync(NeuronChain.Spec());

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task The_typed_calls_read_metagraph_neuron_weights_bonds_commits_burn_and_hotkey_registrations()
    {
        using var bob = ChainRpcNode.Dev("Bob");
        var hash = new Hash256(Enumerable.Repeat((byte)7, 32).ToArray());
        NeuronChain.Write(_node, state =>
        {
            EpochState.SetOutputs(state, NeuronChain.Netuid, 1, NeuronOutputs.None with { Rank = new I32F32(1), Trust = new I32F32(1L << 31), Emission = new Rao(99), ValidatorPermit = true });
            NeuronState.SetAxon(state, NeuronChain.Netuid, 1, new AxonInfo(new byte[] { 127, 0, 0, 1 }, 9000, 0, 2, 0));
            WeightsState.SetRow(state, NeuronChain.Netuid, 1, new SparseU16Row([(0, 10), (2, 20)]));
            EpochState.SetBonds(state, NeuronChain.Netuid, 0, new SparseU16Row([(1, 5)]));
            WeightsState.SetCommits(state, NeuronChain.Netuid, NeuronChain.Hotkey(1), new PendingCommits([new WeightCommit(hash, 3, 0)]));
        });
        var client = _node.Client;

        var metagraph = await client.GetMetagraphAsync(NeuronChain.Netuid);
        var atBest = await client.GetMetagraphAsync(NeuronChain.Netuid, 0);
        var neuron = await client.GetNeuronAsync(NeuronChain.Netuid, 1);
        var weights = await client.GetWeightsAsync(NeuronChain.Netuid);
        var bonds = await client.GetBondsAsync(NeuronChain.Netuid, 0);
        var commits = await client.GetCommitsAsync(NeuronChain.Netuid);
        var burn = await client.GetBurnAsync(NeuronChain.Netuid);
        var hotkey = await client.GetHotkeyAsync(NeuronChain.Hotkey(1));

        Assert.Equal(3, metagraph.Neurons.Count);
        Assert.Equal((0UL, 3), (atBest.Block, atBest.Neurons.Count));
        var one = metagraph.Neurons[1];
        Assert.Equal(bob.Account, one.Coldkey);
        Assert.Equal(NeuronChain.Stakes[1], one.Stake);
        Assert.Equal(0.5m, one.Trust);
        Assert.Equal(0.0000000002328306436538696289m, one.Rank);
        Assert.Equal(new Rao(99), one.Emission);
        Assert.True(one.ValidatorPermit);
        Assert.Equal(new AxonEndpoint("127.0.0.1", 9000, 0, 2), one.Axon);
        Assert.Equal(one, neuron.Neuron);
        Assert.Equal([new UidValue(0, 10), new UidValue(2, 20)], neuron.Weights);
        Assert.Equal(new SparseMatrixRow(1, neuron.Weights).Entries, Assert.Single(weights.Rows).Entries);
        Assert.Equal((ushort)0, Assert.Single(bonds.Rows).Uid);
        Assert.Equal(new PendingCommit(NeuronChain.Hotkey(1), hash, 3, 19, 39), Assert.Single(commits));
        Assert.Equal(new BurnInfo(NeuronChain.Netuid, _node.Core.Chain.Parameters.RegistrationBurnStart), burn);
        Assert.Equal([new HotkeyRegistration(NeuronChain.Netuid, 1, new Rao(99))], hotkey!.Registrations);
    }

    [Fact]
    public async Task An_unknown_uid_throws_the_nodes_invalid_params_error()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _node.Client.GetNeuronAsync(NeuronChain.Netuid, 5));

        Assert.Contains("uid: 5 is out of range", error.RpcMessage, StringComparison.Ordinal);
    }
}
