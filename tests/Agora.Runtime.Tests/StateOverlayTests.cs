using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Tests;

public sealed class StateOverlayTests
{
    [Fact]
    public void Iterating_a_prefix_merges_pending_writes_and_deletes_in_key_order()
    {
        var parent = new TestState();
        parent.Apply([StateChange.Put([1, 1], [10]), StateChange.Put([1, 3], [30]), StateChange.Put([1, 5], [50]), StateChange.Put([2, 0], [99])]);
        var overlay = new StateOverlay(parent);
        overlay.Set([1, 2], [20]);
        overlay.Set([1, 3], [31]);
        overlay.Delete([1, 5]);
        overlay.Set([1, 0xFF, 0], [60]);
        overlay.Set([0, 9], [1]);

        var entries = overlay.Iterate(new byte[] { 1 }).Select(e => (Convert.ToHexString(e.Key), e.Value[0])).ToArray();

        Assert.Equal([("0101", (byte)10), ("0102", (byte)20), ("0103", (byte)31), ("01FF00", (byte)60)], entries);
    }

    [Fact]
    public void A_fork_changes_its_parent_only_when_committed()
    {
        var overlay = new StateOverlay(new TestState());
        overlay.Set([1], [1]);
        var dropped = overlay.Fork();
        dropped.Set([2], [2]);
        var kept = overlay.Fork();
        kept.Set([3], [3]);
        kept.Delete([1]);

        kept.CommitTo(overlay);

        Assert.Equal([StateChange.Delete([1]), StateChange.Put([3], [3])], overlay.Changes.Select(c => c).ToArray(), new ChangeComparer());
        Assert.Null(overlay.Get([2]));
    }

    private sealed class ChangeComparer : IEqualityComparer<StateChange>
    {
        public bool Equals(StateChange x, StateChange y) => x.Key.AsSpan().SequenceEqual(y.Key) && (x.Value ?? []).AsSpan().SequenceEqual(y.Value ?? []) && (x.Value is null) == (y.Value is null);

        public int GetHashCode(StateChange obj) => obj.Key.Length;
    }
}
