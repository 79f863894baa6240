namespace Agora.Storage;

/// <summary>
/// An ordered byte key-value store with columns and atomic batches. RocksDB in production, a memory twin in tests.
/// </summary>
public interface IKeyValueStore : IDisposable
{
    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    byte[]? Get(Column column, ReadOnlySpan<byte> key);

    /// <summary>Entries whose key starts with <paramref name="prefix"/>, in ascending byte order of the key.</summary>
    IEnumerable<KeyValuePair<byte[], byte[]>> Iterate(Column column, ReadOnlyMemory<byte> prefix);

    /// <summary>Applies every put and delete of <paramref name="batch"/> atomically and durably (synced), or none.</summary>
    void Write(WriteBatch batch);
}
