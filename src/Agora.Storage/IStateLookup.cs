namespace Agora.Storage;

/// <summary>
/// Point reads of chain state: the best block's (<see cref="IStateReader"/>) or a past block's, read from its state
/// root (<see cref="Tree.StateAtRoot"/>), which has no prefix scans. Readers that only need single keys take this.
/// </summary>
public interface IStateLookup
{
    /// <summary>The value stored under <paramref name="key"/>, or null when the key is absent.</summary>
    byte[]? Get(ReadOnlySpan<byte> key);
}
