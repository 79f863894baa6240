namespace Agora.Storage;

/// <summary>Puts and deletes to apply together in one atomic write.</summary>
public sealed class WriteBatch
{
    private readonly List<WriteOperation> _operations = [];

    /// <summary>The operations in the order they were added; a later one on the same key wins.</summary>
    public IReadOnlyList<WriteOperation> Operations => _operations;

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>.</summary>
    public void Put(Column column, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) =>
        _operations.Add(new WriteOperation(column, key.ToArray(), value.ToArray()));

    /// <summary>Removes <paramref name="key"/>.</summary>
    public void Delete(Column column, ReadOnlySpan<byte> key) =>
        _operations.Add(new WriteOperation(column, key.ToArray(), null));
}

/// <summary>One put (value set) or delete (value null).</summary>
public sealed record WriteOperation(Column Column, byte[] Key, byte[]? Value);
