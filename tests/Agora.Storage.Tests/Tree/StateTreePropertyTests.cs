using Agora.Storage.Tests.Support;
using Agora.Storage.Tree;
using CsCheck;

namespace Agora.Storage.Tests.Tree;

public sealed class StateTreePropertyTests
{
    [Fact]
    public void Root_is_independent_of_insertion_order_and_batching()
    {
        Gen.Select(Generators.State, Gen.Int).Sample((entries, seed) =>
        {
            using var together = new StateModel();
            var inOneBlock = together.Commit([.. entries.Select(static e => new StateChange(e.Key, e.Value))]);

            using var oneByOne = new StateModel();
            var shuffled = entries.ToArray();
            new Random(seed).Shuffle(shuffled);
            var root = StateTree.EmptyRoot;
            foreach (var entry in shuffled)
            {
                root = oneByOne.Commit(new StateChange(entry.Key, entry.Value));
            }

            Assert.Equal(inOneBlock, root);
            Assert.Equal(StateTree.ComputeRoot(entries), root);
        }, iter: Generators.Iterations, threads: 1);
    }

    [Fact]
    public void Deleting_an_inserted_key_restores_the_previous_root()
    {
        Gen.Select(Generators.State, Generators.Key, Generators.Value).Sample((entries, key, value) =>
        {
            using var model = new StateModel();
            var before = model.Commit([.. entries.Where(e => !e.Key.AsSpan().SequenceEqual(key)).Select(static e => new StateChange(e.Key, e.Value))]);

            var inserted = model.Commit(StateChange.Put(key, value));
            var after = model.Commit(StateChange.Delete(key));

            Assert.NotEqual(before, inserted);
            Assert.Equal(before, after);
        }, iter: Generators.Iterations, threads: 1);
    }

    [Fact]
    public void Any_single_change_of_the_state_changes_the_root()
    {
        Gen.Select(Generators.State, Generators.Change).Sample((entries, change) =>
        {
            using var model = new StateModel();
            var before = model.Commit([.. entries.Select(static e => new StateChange(e.Key, e.Value))]);
            var current = model.State.Get(change.Key);
            var changesState = change.Value is null ? current is not null : current is null || !current.AsSpan().SequenceEqual(change.Value);

            var after = model.Commit(change);

            Assert.Equal(changesState, before != after);
        }, iter: Generators.Iterations, threads: 1);
    }

    [Fact]
    public void Incremental_roots_equal_roots_computed_from_scratch_over_random_change_sets()
    {
        Generators.ChangeSet.Array[1, 6].Sample(blocks =>
        {
            using var model = new StateModel();
            foreach (var changes in blocks)
            {
                var root = model.Commit(changes);

                Assert.Equal(model.ExpectedRoot(), root);
                Assert.Equal(root, model.State.VerifyFull());
            }

            Assert.Equal(model.Expected.Count, model.Store.Count(Column.State));
        }, iter: Generators.Iterations, threads: 1);
    }

    [Fact]
    public void ComputeRoot_predicts_Apply_without_writing()
    {
        Gen.Select(Generators.State, Generators.ChangeSet).Sample((entries, changes) =>
        {
            using var model = new StateModel();
            model.Commit([.. entries.Select(static e => new StateChange(e.Key, e.Value))]);
            var writesBefore = model.Store.WriteCount;

            var predicted = model.State.ComputeRoot(changes);

            Assert.Equal(writesBefore, model.Store.WriteCount);
            Assert.Equal(predicted, model.Commit(changes));
        }, iter: Generators.Iterations, threads: 1);
    }

    [Fact]
    public void Within_a_change_set_the_last_change_of_a_key_wins()
    {
        using var model = new StateModel();
        var key = Bytes.Utf8("k");

        var root = model.Commit(StateChange.Put(key, [1]), StateChange.Delete(key), StateChange.Put(key, [2]));

        Assert.Equal([2], model.State.Get(key));
        Assert.Equal(StateTree.ComputeRoot([new KeyValuePair<byte[], byte[]>(key, [2])]), root);
    }

    [Fact]
    public void Empty_state_has_the_empty_root_and_deleting_everything_returns_to_it()
    {
        using var model = new StateModel();
        Assert.Equal(StateTree.EmptyRoot, model.State.Root);

        model.Commit(StateChange.Put([1], [1]), StateChange.Put([2], [2]));
        var root = model.Commit(StateChange.Delete([1]), StateChange.Delete([2]));

        Assert.Equal(StateTree.EmptyRoot, root);
    }

    [Fact]
    public void An_empty_value_is_present_and_differs_from_absence()
    {
        using var model = new StateModel();

        var root = model.Commit(StateChange.Put([7], []));

        Assert.NotEqual(StateTree.EmptyRoot, root);
        Assert.Equal([], model.State.Get([7]) ?? [1]);
    }

    [Fact]
    public void A_block_writes_tree_nodes_proportional_to_changes_times_depth_not_to_state_size()
    {
        using var model = new StateModel();
        var initial = Enumerable.Range(0, 20_000).Select(static i => StateChange.Put(BitConverter.GetBytes(i), [1])).ToArray();
        model.Commit(initial);
        var nodesBefore = model.Store.Count(Column.StateTree);

        model.Commit([.. Enumerable.Range(0, 100).Select(static i => StateChange.Put(BitConverter.GetBytes(i * 7), [2]))]);

        // 100 changed leaves, each on a path of about log2(20,000) ≈ 15 branches; shared upper levels make it less.
        var written = model.Store.Count(Column.StateTree) - nodesBefore;
        Assert.InRange(written, 100, 100 * 25);
    }

    [Fact]
    public void Changes_over_the_limits_are_rejected_before_anything_is_written_to_the_batch()
    {
        using var model = new StateModel();
        var batch = new WriteBatch();

        var tooLongKey = Assert.Throws<ArgumentException>(() =>
            model.State.Apply([StateChange.Put([1], [1]), StateChange.Put(new byte[StateLimits.KeyBytesMax + 1], [1])], batch));
        var tooLargeValue = Assert.Throws<ArgumentException>(() =>
            model.State.Apply([StateChange.Put([1], new byte[StateLimits.ValueBytesMax + 1])], batch));

        Assert.Contains($"at most {StateLimits.KeyBytesMax} bytes", tooLongKey.Message, StringComparison.Ordinal);
        Assert.Contains($"at most {StateLimits.ValueBytesMax} bytes", tooLargeValue.Message, StringComparison.Ordinal);
        Assert.Empty(batch.Operations);
    }
}
