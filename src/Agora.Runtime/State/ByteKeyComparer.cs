namespace Agora.Runtime.State;

/// <summary>Orders byte keys lexicographically, the order of the store and of change sets.</summary>
public sealed class ByteKeyComparer : IComparer<byte[]>
{
    /// <summary>The one instance.</summary>
    public static ByteKeyComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y.AsSpan());
}
