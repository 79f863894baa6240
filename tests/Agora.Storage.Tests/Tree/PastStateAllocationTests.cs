using Agora.Storage.Tests.Support;
using Agora.Storage.Tree;

namespace Agora.Storage.Tests.Tree;

/// <summary>
/// A past-state lookup runs per uid × field for a whole metagraph, so its allocations are bounded: bytes are a
/// deterministic number where time is not.
/// </summary>
public sealed class PastStateAllocationTests
{
    /// <summary>
    /// The path (a 32-byte array, 56 bytes) plus the memory store's read of the value (its probe key, entry and the
    /// value's copy: 120 bytes for an 8-byte value) is 176; the walk over about 12 cached levels adds nothing, and
    /// one allocation per level would exceed this.
    /// </summary>
    private const long LookupBytesMax = 192;

    [Fact]
    public void A_lookup_with_a_warm_node_cache_allocates_only_the_path_and_the_value_read()
    {
        using var model = new StateModel();
        model.Commit([.. Enumerable.Range(0, 4_096).Select(static i => StateChange.Put(BitConverter.GetBytes(i), new byte[8]))]);
        var atRoot = model.State.Tree.At(model.State.Root);
        var keys = Enumerable.Range(0, 4_096).Select(static i => BitConverter.GetBytes(i)).ToArray();
        ReadAll(atRoot, keys);

        var before = GC.GetAllocatedBytesForCurrentThread();
        ReadAll(atRoot, keys);
        var perLookup = (GC.GetAllocatedBytesForCurrentThread() - before) / keys.Length;

        Assert.True(perLookup <= LookupBytesMax, $"a past-state lookup allocated {perLookup} bytes, at most {LookupBytesMax} expected; find the new allocation in StateTree.Get");
    }

    private static void ReadAll(StateAtRoot state, byte[][] keys)
    {
        foreach (var key in keys)
        {
            Assert.NotNull(state.Get(key));
        }
    }
}
