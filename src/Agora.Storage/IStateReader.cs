namespace Agora.Storage;

/// <summary>Reads chain state (of the best block, or of an overlay on top of it): point reads and prefix scans.</summary>
public interface IStateReader : IStateLookup
{
    /// <summary>Entries whose key starts with <paramref name="prefix"/>, in ascending byte order of the key.</summary>
    IEnumerable<KeyValuePair<byte[], byte[]>> Iterate(ReadOnlyMemory<byte> prefix);
}
