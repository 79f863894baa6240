namespace Agora.Storage;

/// <summary>Reads chain state values by key (the flat state of one block).</summary>
public interface IStateReader
{
    /// <summary>The value under <paramref name="key"/>, or null when absent.</summary>
    byte[]? Get(ReadOnlySpan<byte> key);
}
