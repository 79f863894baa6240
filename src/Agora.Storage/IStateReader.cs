namespace Agora.Storage;

/// <summary>Reads chain state (of the best block, or of an overlay on top of it).</summary>
public interface IStateReader
{
    /// <summary>The value stored under <paramref name="key"/>, or null when the key is absent.</summary>
    byte[]? Get(ReadOnlySpan<byte> key);

    /// <summary>Entries whose key starts with <paramref name="prefix"/>, in ascending byte order of the key.</summary>
    IEnumerable<KeyValuePair<byte[], byte[]>> Iterate(ReadOnlyMemory<byte> prefix);
}
