namespace Agora.Storage;

/// <summary>
/// One entry of a block's change set: <see cref="Value"/> is the new value of <see cref="Key"/>, or null to delete it.
/// Within a change set a later change of the same key wins.
/// </summary>
/// <param name="Key">The state key, at most <see cref="StateLimits.KeyBytesMax"/> bytes.</param>
/// <param name="Value">The new value (at most <see cref="StateLimits.ValueBytesMax"/> bytes), or null to delete.</param>
public readonly record struct StateChange(byte[] Key, byte[]? Value)
{
    /// <summary>Converts the runtime's <c>(key, value-or-null)</c> tuple.</summary>
    public static implicit operator StateChange((byte[] Key, byte[]? Value) change) => new(change.Key, change.Value);

    /// <summary>Converts the runtime's <c>(key, value-or-null)</c> tuple.</summary>
    public static StateChange FromValueTuple((byte[] Key, byte[]? Value) change) => new(change.Key, change.Value);

    /// <summary>A put.</summary>
    public static StateChange Put(byte[] key, byte[] value) => new(key, value);

    /// <summary>A delete.</summary>
    public static StateChange Delete(byte[] key) => new(key, null);
}
