namespace Agora.Storage;

/// <summary>Keys in <see cref="Column.Meta"/> that storage owns. Persisted: never change a key's bytes.</summary>
public static class MetaKeys
{
    /// <summary>The state root of the best block (32 bytes), written in the same batch as the block's state changes.</summary>
    public static ReadOnlySpan<byte> StateRoot => "state/root"u8;
}
