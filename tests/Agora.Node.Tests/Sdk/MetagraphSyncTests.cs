using System.Text.Json;
using Agora.Core.FixedPoint;
using Agora.Core.Primitives;
using Agora.Node.Tests.Core;
using Agora.Node.Tests.Rpc;
using Agora.Protocol.Balances;
using Agora.Protocol.Neurons;
using Agora.Protocol.Staking;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Weights;
using Agora.Sdk.Metagraph;

namespace Agora.Node.Tests.Sdk;

/// <summary>The SDK's metagraph against a node whose subnet 1 has genesis neurons (<see cref="NeuronChain"/>).</summary>
public sealed class MetagraphSyncTests : IAsyncLifetime
{
    private static readonly I32F32 Half = new(1L << 31);
    private static readonly I32F32 Tiny = new(1);

    private ChainRpcNode _node = null!;

    public async Task InitializeAsync() => _node = await ChainRpcNode.StartAsync(NeuronChain.Spec());

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task One_sync_gives_every_vector_equal_to_what_agora_getMetagraph_returns()
    {
        NeuronChain.Write(_node, state =>
        {
            EpochState.SetOutputs(state, NeuronChain.Netuid, 1, new NeuronOutputs(Half, Tiny, I32F32.One, Half, Tiny, Half, Rao.FromTao(3), true, 0));
            NeuronState.SetAxon(state, NeuronChain.Netuid, 0, new AxonInfo(new byte[] { 10, 0, 0, 7 }, 8091, 0, 3, 0));
        });
        var metagraph = new SubnetMetagraph(_node.Client, NeuronChain.Netuid);

        await metagraph.SyncAsync();
        var raw = (await _node.Rpc.CallAsync("agora_getMetagraph", [NeuronChain.Netuid])).GetProperty("neurons").EnumerateArray().ToArray();

        var snapshot = metagraph.Current!;
        Assert.Equal(3, snapshot.Count);
        Assert.Equal(raw.Select(n => n.GetProperty("hotkey").GetString()), snapshot.Hotkeys.Select(h => h.ToString()));
        Assert.Equal(raw.Select(n => n.GetProperty("coldkey").GetString()), snapshot.Coldkeys.Select(c => c?.ToString()));
        Assert.Equal(raw.Select(n => n.GetProperty("stake").GetUInt64()), snapshot.S.Select(s => s.Value));
        Assert.Equal(Decimals(raw, "rank"), snapshot.R);
        Assert.Equal(Decimals(raw, "trust"), snapshot.T);
        Assert.Equal(Decimals(raw, "consensus"), snapshot.C);
        Assert.Equal(Decimals(raw, "incentive"), snapshot.I);
        Assert.Equal(Decimals(raw, "dividends"), snapshot.D);
        Assert.Equal(Decimals(raw, "validator_trust"), snapshot.VT);
        Assert.Equal(raw.Select(n => n.GetProperty("emission").GetUInt64()), snapshot.E.Select(e => e.Value));
        Assert.Equal(raw.Select(n => n.GetProperty("validator_permit").GetBoolean()), snapshot.ValidatorPermit);
        Assert.Equal(raw.Select(n => n.GetProperty("active").GetBoolean()), snapshot.Active);
        Assert.Equal(raw.Select(n => n.GetProperty("last_update").GetUInt64()), snapshot.LastUpdate);
        Assert.Equal(raw.Select(n => n.GetProperty("block_at_registration").GetUInt64()), snapshot.BlockAtRegistration);
        Assert.Equal(raw.Select(n => n.GetProperty("axon").ValueKind == JsonValueKind.Null ? null : n.GetProperty("axon").GetProperty("ip").GetString()), snapshot.Axons.Select(a => a?.Ip));
        Assert.Equal(0.5m, snapshot.R[1]);
        Assert.Equal(Rao.FromTao(3), snapshot.E[1]);
        Assert.Equal([(ushort)1], snapshot.UidsWithPermit().ToArray());
        Assert.Equal([(ushort)0, (ushort)1], snapshot.TopByStake(2).ToArray());
        Assert.Equal((ushort)2, snapshot.UidOf(NeuronChain.Hotkey(2)));
        Assert.Equal(8091, Assert.Single(snapshot.ServingAxons()).Axon.Port);
    }

    [Fact]
    public async Task Weights_and_bonds_come_on_request_at_the_metagraphs_block_and_match_agora_getWeights_and_agora_getBonds()
    {
        NeuronChain.Write(_node, state =>
        {
            WeightsState.SetRow(state, NeuronChain.Netuid, 0, new SparseU16Row([(1, 40_000), (2, 25_535)]));
            WeightsState.SetRow(state, NeuronChain.Netuid, 2, new SparseU16Row([(0, 65_535)]));
            EpochState.SetBonds(state, NeuronChain.Netuid, 1, new SparseU16Row([(0, 7), (2, 9)]));
        });
        var withMatrices = new SubnetMetagraph(_node.Client, NeuronChain.Netuid) { WithWeights = true, WithBonds = true };
        var without = new SubnetMetagraph(_node.Client, NeuronChain.Netuid);

        await withMatrices.SyncAsync();
        await without.SyncAsync();
        var weights = await _node.Client.GetWeightsAsync(NeuronChain.Netuid);
        var bonds = await _node.Client.GetBondsAsync(NeuronChain.Netuid);

        var snapshot = withMatrices.Current!;
        Assert.Equal(snapshot.Block, snapshot.W.Block);
        Assert.Equal([[0, 40_000, 25_535], [0, 0, 0], [65_535, 0, 0]], snapshot.W.ToDense().Select(r => r.Select(v => (int)v)));
        foreach (var row in weights.Rows)
        {
            Assert.Equal(row.Entries, snapshot.W.Row(row.Uid).ToArray());
        }

        Assert.Equal(bonds.Rows.Single().Entries, snapshot.B.Row(1).ToArray());
        Assert.Equal((ushort)9, snapshot.B[1, 2]);
        Assert.Null(without.Current!.Weights);
        Assert.Null(without.Current.Bonds);
    }

    [Fact]
    public async Task Syncing_at_an_older_block_gives_the_metagraph_as_it_was_then()
    {
        using var alice = ChainRpcNode.Dev("Alice");
        _node.Apply(alice, new AddStakeCall(NeuronChain.Hotkey(0), NeuronChain.Netuid, Rao.FromTao(10)));
        var metagraph = new SubnetMetagraph(_node.Client, NeuronChain.Netuid);

        await metagraph.SyncAsync();
        var now = metagraph.Current!;
        var changes = await metagraph.SyncAsync(block: 0);

        Assert.Equal(1UL, now.Block);
        Assert.Equal(NeuronChain.Stakes[0] + Rao.FromTao(10), now.S[0]);
        Assert.Equal(0UL, metagraph.Current!.Block);
        Assert.Equal(NeuronChain.Stakes[0], metagraph.Current.S[0]);
        Assert.Equal([(ushort)0], changes.StakeChanged.ToArray());
    }

    [Fact]
    public async Task After_a_registration_a_stake_move_and_an_axon_the_next_sync_reports_each_and_raises_Changed()
    {
        using var alice = ChainRpcNode.Dev("Alice");
        using var dave = ChainRpcNode.Dev("Dave");
        using var hotkey1 = NodeFixture.FreshKey(0x4e, 1);
        var metagraph = new SubnetMetagraph(_node.Client, NeuronChain.Netuid);
        var raised = new List<MetagraphChanges>();
        metagraph.Changed += (_, changes) => raised.Add(changes);
        var first = await metagraph.SyncAsync();
        _node.Apply(alice, new TransferCall(hotkey1.Account, Rao.FromTao(10)));

        _node.Apply(dave, new BurnedRegisterCall(NeuronChain.Netuid, dave.Account, new byte[64]));
        _node.Apply(alice, new MoveStakeCall(NeuronChain.Hotkey(0), NeuronChain.Netuid, NeuronChain.Hotkey(2), NeuronChain.Netuid, Rao.FromTao(100)));
        _node.Apply(hotkey1, new ServeAxonCall(NeuronChain.Netuid, new byte[] { 192, 168, 1, 20 }, 8091, 0, 1));
        var changes = await metagraph.SyncAsync();
        var unchanged = await metagraph.SyncAsync();

        Assert.Equal([(ushort)0, (ushort)1, (ushort)2], first.Registered.ToArray());
        Assert.Equal([(ushort)3], changes.Registered.ToArray());
        Assert.Equal(dave.Account, metagraph.Current!.Hotkeys[3]);
        Assert.Equal([(ushort)0, (ushort)2], changes.StakeChanged.ToArray());
        Assert.Equal([(ushort)1], changes.AxonsChanged.ToArray());
        Assert.Equal("192.168.1.20", metagraph.Current.Axons[1]!.Ip);
        Assert.Empty(changes.Replaced);
        Assert.True(unchanged.IsEmpty);
        Assert.Equal([first, changes], raised);
    }

    private static decimal[] Decimals(JsonElement[] neurons, string field) =>
        [.. neurons.Select(n => n.GetProperty(field).GetDecimal())];
}
