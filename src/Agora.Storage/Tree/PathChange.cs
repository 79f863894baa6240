namespace Agora.Storage.Tree;

/// <summary>
/// A change addressed by tree path: the new value hash, or null to delete. <see cref="Value"/> is the value itself
/// for a change from a change set (stored by its hash), null for an existing leaf the walk re-places.
/// </summary>
internal readonly record struct PathChange(byte[] Path, byte[]? ValueHash, byte[]? Value = null)
{
    /// <summary>
    /// Hashes keys and values, orders by path and keeps the last change of each key, as the tree walk needs.
    /// </summary>
    public static PathChange[] Prepare(IReadOnlyList<StateChange> changes)
    {
        var hashed = new (byte[] Path, byte[]? ValueHash, byte[]? Value, int Index)[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            hashed[i] = (TreeHashing.PathOf(change.Key), change.Value is null ? null : TreeHashing.ValueHashOf(change.Value), change.Value, i);
        }

        Array.Sort(hashed, static (x, y) =>
        {
            var order = x.Path.AsSpan().SequenceCompareTo(y.Path);
            return order != 0 ? order : x.Index.CompareTo(y.Index);
        });

        var prepared = new List<PathChange>(hashed.Length);
        for (var i = 0; i < hashed.Length; i++)
        {
            var isLastOfKey = i + 1 == hashed.Length || !hashed[i].Path.AsSpan().SequenceEqual(hashed[i + 1].Path);
            if (isLastOfKey)
            {
                prepared.Add(new PathChange(hashed[i].Path, hashed[i].ValueHash, hashed[i].Value));
            }
        }

        return [.. prepared];
    }

    /// <summary>Index of the first change whose path has bit 1 at <paramref name="depth"/> (changes are ordered by path).</summary>
    public static int SplitAt(ReadOnlySpan<PathChange> changes, int depth)
    {
        var low = 0;
        var high = changes.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (TreeHashing.Bit(changes[middle].Path, depth) == 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
