using Agora.Storage;

namespace Agora.Runtime.State;

/// <summary>State with no values: the parent of genesis.</summary>
public sealed class EmptyState : IStateReader
{
    /// <summary>The one instance.</summary>
    public static EmptyState Instance { get; } = new();

    /// <inheritdoc />
    public byte[]? Get(ReadOnlySpan<byte> key) => null;

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<byte[], byte[]>> Iterate(ReadOnlyMemory<byte> prefix) => [];
}
