using Agora.Core.Primitives;
using Agora.Storage.Tree;

namespace Agora.Storage.Tests.Support;

/// <summary>A chain state over a <see cref="MemoryStore"/> plus the plain dictionary it should equal.</summary>
public sealed class StateModel : IDisposable
{
    public StateModel()
    {
        Store = new MemoryStore();
        State = new ChainState(Store);
    }

    public MemoryStore Store { get; }

    public ChainState State { get; }

    public SortedDictionary<byte[], byte[]> Expected { get; } = new(ByteOrder.Instance);

    public Hash256 Commit(IReadOnlyList<StateChange> changes)
    {
        var batch = new WriteBatch();
        var root = State.Apply(changes, batch);
        Store.Write(batch);
        foreach (var change in changes)
        {
            if (change.Value is null)
            {
                Expected.Remove(change.Key);
            }
            else
            {
                Expected[change.Key] = change.Value;
            }
        }

        return root;
    }

    public Hash256 Commit(params StateChange[] changes) => Commit((IReadOnlyList<StateChange>)changes);

    public Hash256 ExpectedRoot() => StateTree.ComputeRoot(Expected);

    public void Dispose() => Store.Dispose();
}
