using Agora.Storage.Tests.Support;
using CsCheck;

namespace Agora.Storage.Tests.Stores;

public sealed class MemoryStoreFaultTests
{
    [Fact]
    public void A_write_that_fails_part_way_applies_nothing_and_the_next_write_succeeds()
    {
        Gen.Select(Generators.ChangeSet.Array[1, 4], Generators.ChangeSet.Where(static c => c.Length > 0), Gen.Int[0, 10_000]).Sample((history, block, cut) =>
        {
            using var model = new StateModel();
            foreach (var changes in history)
            {
                model.Commit(changes);
            }

            var before = model.Store.CloneCommitted();
            var rootBefore = model.State.Root;
            var batch = new WriteBatch();
            model.State.Apply(block, batch);
            model.Store.FailWriteAfter(cut % batch.Operations.Count);

            Assert.Throws<IOException>(() => model.Store.Write(batch));

            Assert.Equal(rootBefore, model.State.Root);
            AssertSameContent(before, model.Store);
            Assert.Equal(rootBefore, model.State.VerifyFull());
            model.Store.Write(batch);
            Assert.Equal(model.State.Root, model.State.VerifyFull());
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void A_restart_after_a_crash_sees_exactly_the_committed_batches()
    {
        using var model = new StateModel();
        var committed = model.Commit(StateChange.Put([1], [1]));
        var pending = new WriteBatch();
        model.State.Apply([StateChange.Put([2], [2])], pending);

        using var restarted = model.Store.CloneCommitted();
        var state = new ChainState(restarted);

        state.VerifyOnOpen();
        Assert.Equal(committed, state.Root);
        Assert.Null(state.Get([2]));
        Assert.Equal(committed, state.VerifyFull());
    }

    private static void AssertSameContent(MemoryStore expected, MemoryStore actual)
    {
        foreach (var column in Enum.GetValues<Column>())
        {
            Assert.Equal(
                expected.Iterate(column, ReadOnlyMemory<byte>.Empty).Select(static e => Bytes.Hex(e.Key) + "=" + Bytes.Hex(e.Value)),
                actual.Iterate(column, ReadOnlyMemory<byte>.Empty).Select(static e => Bytes.Hex(e.Key) + "=" + Bytes.Hex(e.Value)));
        }
    }
}
