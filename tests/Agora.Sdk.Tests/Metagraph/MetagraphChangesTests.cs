using Agora.Sdk.Client;
using Agora.Sdk.Metagraph;
using static Agora.Sdk.Tests.Metagraph.MetagraphSnapshotTests;

namespace Agora.Sdk.Tests.Metagraph;

public sealed class MetagraphChangesTests
{
    private static readonly AxonEndpoint Axon = new("10.0.0.7", 8091, 0, 3);

    [Fact]
    public void The_first_sync_registers_every_uid()
    {
        var changes = MetagraphChanges.Between(null, MetagraphSnapshot.From(Graph(3, Neuron(0, 1, 1), Neuron(1, 2, 1))));

        Assert.Null(changes.FromBlock);
        Assert.Equal(3UL, changes.ToBlock);
        Assert.Equal([(ushort)0, (ushort)1], changes.Registered.ToArray());
        Assert.Empty(changes.Replaced);
        Assert.False(changes.IsEmpty);
    }

    [Fact]
    public void New_uids_new_hotkeys_moved_axons_and_stake_changes_are_each_listed_and_a_replaced_uid_only_as_replaced()
    {
        var before = MetagraphSnapshot.From(Graph(5, Neuron(0, 1, 1), Neuron(1, 2, 1), Neuron(2, 3, 1), Neuron(3, 4, 1)));
        var after = MetagraphSnapshot.From(Graph(6, Neuron(0, 1, 2), Neuron(1, 2, 1, axon: Axon), Neuron(2, 9, 5, axon: Axon), Neuron(3, 4, 1), Neuron(4, 5, 1)));

        var changes = MetagraphChanges.Between(before, after);

        Assert.Equal(5UL, changes.FromBlock);
        Assert.Equal(6UL, changes.ToBlock);
        Assert.Equal([(ushort)4], changes.Registered.ToArray());
        Assert.Equal([(ushort)2], changes.Replaced.ToArray());
        Assert.Equal([(ushort)1], changes.AxonsChanged.ToArray());
        Assert.Equal([(ushort)0], changes.StakeChanged.ToArray());
        Assert.Empty(changes.Removed);
    }

    [Fact]
    public void A_smaller_subnet_lists_the_uids_it_lost_and_an_unchanged_one_is_empty()
    {
        var before = MetagraphSnapshot.From(Graph(5, Neuron(0, 1, 1), Neuron(1, 2, 1), Neuron(2, 3, 1)));
        var after = MetagraphSnapshot.From(Graph(6, Neuron(0, 1, 1)));

        Assert.Equal([(ushort)1, (ushort)2], MetagraphChanges.Between(before, after).Removed.ToArray());
        Assert.True(MetagraphChanges.Between(after, after).IsEmpty);
    }

    [Fact]
    public void Diffing_two_subnets_is_refused()
    {
        var one = MetagraphSnapshot.From(Graph(1, Neuron(0, 1, 1)));
        var two = MetagraphSnapshot.From(new Agora.Sdk.Client.Metagraph(2, 1, [Neuron(0, 1, 1)]));

        Assert.Throws<ArgumentException>(() => MetagraphChanges.Between(one, two));
    }
}
