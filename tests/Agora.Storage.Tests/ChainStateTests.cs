using Agora.Core.Primitives;
using Agora.Storage.Tests.Support;
using Agora.Storage.Tree;

namespace Agora.Storage.Tests;

public sealed class ChainStateTests
{
    [Fact]
    public void Apply_puts_flat_state_tree_nodes_and_root_in_the_one_batch_and_writes_nothing_itself()
    {
        using var store = new MemoryStore();
        var state = new ChainState(store);
        var batch = new WriteBatch();

        var root = state.Apply([StateChange.Put([1], [10]), StateChange.Put([2], [20]), StateChange.Delete([3])], batch);

        Assert.Equal(0, store.WriteCount);
        Assert.Equal(StateTree.EmptyRoot, state.Root);
        Assert.Contains(batch.Operations, static o => o.Column == Column.State);
        Assert.Contains(batch.Operations, static o => o.Column == Column.StateTree);
        Assert.Contains(batch.Operations, o => o.Column == Column.Meta && o.Value!.AsSpan().SequenceEqual(root.Bytes));
        store.Write(batch);
        Assert.Equal(root, state.Root);
        Assert.Equal([20], state.Get([2]));
    }

    [Fact]
    public void A_dropped_batch_leaves_the_state_as_it_was()
    {
        using var model = new StateModel();
        var root = model.Commit(StateChange.Put([1], [1]));

        model.State.Apply([StateChange.Put([1], [2])], new WriteBatch());

        Assert.Equal(root, model.State.Root);
        Assert.Equal([1], model.State.Get([1]));
    }

    [Fact]
    public void VerifyOnOpen_names_the_fix_when_the_root_node_is_missing()
    {
        using var store = new MemoryStore();
        var batch = new WriteBatch();
        batch.Put(Column.Meta, MetaKeys.StateRoot, Hash256.Of([1]).Bytes);
        store.Write(batch);

        var error = Assert.Throws<StorageException>(() => new ChainState(store).VerifyOnOpen());

        Assert.Contains("has no node", error.Message, StringComparison.Ordinal);
        Assert.Contains("resync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyFull_detects_flat_state_that_disagrees_with_the_root()
    {
        using var model = new StateModel();
        model.Commit(StateChange.Put([1], [1]), StateChange.Put([2], [2]));
        var sneaky = new WriteBatch();
        sneaky.Put(Column.State, [1], [9]);
        model.Store.Write(sneaky);

        model.State.VerifyOnOpen();
        var error = Assert.Throws<StorageException>(() => model.State.VerifyFull());

        Assert.Contains("flat state hashes to", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Proving_under_a_root_whose_nodes_are_missing_names_the_fix()
    {
        using var store = new MemoryStore();
        var tree = new StateTree(store);

        var error = Assert.Throws<StorageException>(() => tree.Prove(Hash256.Of([1]), [1]));

        Assert.Contains("is missing from column StateTree", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Old_roots_stay_provable_because_nodes_are_never_pruned()
    {
        using var model = new StateModel();
        var old = model.Commit(StateChange.Put([1], [1]), StateChange.Put([2], [2]));
        model.Commit(StateChange.Put([1], [5]));

        var proof = model.State.Tree.Prove(old, [1]);

        Assert.True(StateProof.Verify(old, [1], [1], proof));
    }

    [Fact]
    public void Iterate_reads_the_flat_state_by_prefix()
    {
        using var model = new StateModel();
        model.Commit(StateChange.Put([1, 1], [1]), StateChange.Put([1, 2], [2]), StateChange.Put([2, 1], [3]));

        Assert.Equal([[1, 1], [1, 2]], model.State.Iterate(new byte[] { 1 }).Select(static e => e.Key));
    }

    [Fact]
    public void A_dropped_batch_does_not_make_its_root_look_committed_even_though_its_nodes_were_cached()
    {
        using var model = new StateModel();
        model.Commit(StateChange.Put([1], [1]));

        var dropped = model.State.Apply([StateChange.Put([2], [2])], new WriteBatch());

        Assert.False(model.State.Tree.Contains(dropped));
        Assert.Throws<StorageException>(() => new StateTree(model.Store, nodeCacheCountMax: 0).Prove(dropped, [2]));
    }

    [Fact]
    public void Trees_with_and_without_the_node_cache_agree()
    {
        using var store = new MemoryStore();
        var cached = new ChainState(store, nodeCacheCountMax: 4);
        var uncached = new ChainState(store, nodeCacheCountMax: 0);
        var random = new Random(3);

        for (var block = 0; block < 30; block++)
        {
            var changes = Enumerable.Range(0, 40).Select(_ => new StateChange([(byte)random.Next(200)], random.Next(3) == 0 ? null : [(byte)block])).ToArray();
            Assert.Equal(uncached.ComputeRoot(changes), cached.ComputeRoot(changes));
            var batch = new WriteBatch();
            cached.Apply(changes, batch);
            store.Write(batch);
        }

        Assert.Equal(uncached.VerifyFull(), cached.Root);
    }
}
