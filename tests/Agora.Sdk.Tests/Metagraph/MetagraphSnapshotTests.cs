using Agora.Core.Primitives;
using Agora.Sdk.Client;
using Agora.Sdk.Metagraph;
using ClientMetagraph = Agora.Sdk.Client.Metagraph;

namespace Agora.Sdk.Tests.Metagraph;

public sealed class MetagraphSnapshotTests
{
    private static readonly AxonEndpoint Axon = new("10.0.0.7", 8091, 0, 3);

    internal static AccountId Key(byte tag)
    {
        var bytes = new byte[AccountId.Size];
        bytes[0] = tag;
        return new AccountId(bytes);
    }

    internal static MetagraphNeuron Neuron(ushort uid, byte hotkey, ulong stakeTao, bool permit = false, AxonEndpoint? axon = null) =>
        new(uid, Key(hotkey), Key(200), Rao.FromTao(stakeTao), 0.1m * uid, 0.2m, 0.3m, 0.4m, 0.5m, new Rao(uid), 0.6m, permit, uid % 2 == 0, 10UL + uid, uid, axon);

    internal static ClientMetagraph Graph(ulong block, params MetagraphNeuron[] neurons) => new(1, block, neurons);

    [Fact]
    public void Every_vector_is_indexed_by_uid_and_holds_the_neurons_fields()
    {
        var snapshot = MetagraphSnapshot.From(Graph(9, Neuron(0, 1, 5, permit: true, axon: Axon), Neuron(1, 2, 7)));

        Assert.Equal(2, snapshot.Count);
        Assert.Equal(9UL, snapshot.Block);
        Assert.Equal([Key(1), Key(2)], snapshot.Hotkeys.ToArray());
        Assert.Equal([Key(200), Key(200)], snapshot.Coldkeys.ToArray());
        Assert.Equal([Rao.FromTao(5), Rao.FromTao(7)], snapshot.S.ToArray());
        Assert.Equal([0m, 0.1m], snapshot.R.ToArray());
        Assert.Equal([0.2m, 0.2m], snapshot.T.ToArray());
        Assert.Equal([0.3m, 0.3m], snapshot.C.ToArray());
        Assert.Equal([0.4m, 0.4m], snapshot.I.ToArray());
        Assert.Equal([0.5m, 0.5m], snapshot.D.ToArray());
        Assert.Equal([new Rao(0), new Rao(1)], snapshot.E.ToArray());
        Assert.Equal([0.6m, 0.6m], snapshot.VT.ToArray());
        Assert.Equal([true, false], snapshot.ValidatorPermit.ToArray());
        Assert.Equal([true, false], snapshot.Active.ToArray());
        Assert.Equal([10UL, 11UL], snapshot.LastUpdate.ToArray());
        Assert.Equal([0UL, 1UL], snapshot.BlockAtRegistration.ToArray());
        Assert.Equal([Axon, null], snapshot.Axons.ToList());
        Assert.Null(snapshot.Weights);
    }

    [Fact]
    public void Validator_lookups_find_permits_top_stake_uids_by_hotkey_and_serving_axons()
    {
        var snapshot = MetagraphSnapshot.From(Graph(1, Neuron(0, 1, 5), Neuron(1, 2, 9, permit: true, axon: Axon), Neuron(2, 3, 9), Neuron(3, 4, 1, permit: true)));

        Assert.Equal([(ushort)1, (ushort)3], snapshot.UidsWithPermit().ToArray());
        Assert.Equal([(ushort)1, (ushort)2, (ushort)0], snapshot.TopByStake(3).ToArray());
        Assert.Equal(4, snapshot.TopByStake(10).Length);
        Assert.Equal((ushort)2, snapshot.UidOf(Key(3)));
        Assert.Null(snapshot.UidOf(Key(99)));
        Assert.Equal([new ServingAxon(1, Key(2), Axon)], snapshot.ServingAxons().ToArray());
    }

    [Fact]
    public void Weights_and_bonds_read_as_sparse_rows_entries_and_dense_matrices()
    {
        var weights = new SparseMatrix(1, 4, [new SparseMatrixRow(0, [new UidValue(1, 40_000), new UidValue(2, 25_535)]), new SparseMatrixRow(2, [new UidValue(0, 65_535)])]);
        var bonds = new SparseMatrix(1, 4, [new SparseMatrixRow(1, [new UidValue(0, 7)])]);

        var snapshot = MetagraphSnapshot.From(Graph(4, Neuron(0, 1, 1), Neuron(1, 2, 1), Neuron(2, 3, 1)), weights, bonds);

        Assert.Equal(3, snapshot.W.Size);
        Assert.Equal((ushort)40_000, snapshot.W[0, 1]);
        Assert.Equal((ushort)0, snapshot.W[1, 0]);
        Assert.Equal([new UidValue(0, 65_535)], snapshot.W.Row(2).ToArray());
        Assert.Empty(snapshot.W.Row(1));
        Assert.Equal([[0, 40_000, 25_535], [0, 0, 0], [65_535, 0, 0]], snapshot.W.ToDense().Select(r => r.Select(v => (int)v)));
        Assert.Equal((ushort)7, snapshot.B[1, 0]);
        Assert.Equal(4UL, snapshot.B.Block);
    }

    [Fact]
    public void Weights_and_bonds_that_were_not_asked_for_throw_saying_how_to_ask()
    {
        var snapshot = MetagraphSnapshot.From(Graph(1, Neuron(0, 1, 1)));

        var error = Assert.Throws<InvalidOperationException>(() => snapshot.W);
        Assert.Contains("WithWeights", error.Message, StringComparison.Ordinal);
        Assert.Contains("WithBonds", Assert.Throws<InvalidOperationException>(() => snapshot.B).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Uids_out_of_order_are_refused_as_a_protocol_error()
    {
        var error = Assert.Throws<RpcProtocolException>(() => MetagraphSnapshot.From(Graph(1, Neuron(0, 1, 1), Neuron(2, 2, 1))));

        Assert.Contains("lists uid 2 at position 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weights_row_outside_the_subnet_is_refused_as_a_protocol_error()
    {
        var weights = new SparseMatrix(1, 1, [new SparseMatrixRow(0, [new UidValue(5, 1)])]);

        var error = Assert.Throws<RpcProtocolException>(() => MetagraphSnapshot.From(Graph(1, Neuron(0, 1, 1)), weights));

        Assert.Contains("outside its 1 uids", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_of_another_block_than_the_metagraph_are_refused()
    {
        var weights = new SparseMatrix(1, 2, []);

        var error = Assert.Throws<ArgumentException>(() => MetagraphSnapshot.From(Graph(1, Neuron(0, 1, 1)), weights));

        Assert.Contains("read both at one block", error.Message, StringComparison.Ordinal);
    }
}
