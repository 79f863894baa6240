using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Storage;

namespace Agora.Runtime.State;

/// <summary>
/// Pending writes over a block's parent state. Reads see the writes; <see cref="Changes"/> lists them in
/// key order (never hash order), so every node derives the same change set and state root.
/// </summary>
public sealed class StateOverlay : IStateReader
{
    private readonly IStateReader _parent;
    private readonly SortedDictionary<byte[], byte[]?> _writes = new(ByteOrder.Instance);

    /// <summary>Starts with no writes over <paramref name="parent"/>.</summary>
    public StateOverlay(IStateReader parent) => _parent = parent;

    /// <summary>Every written key with its new value (null = deleted), in ascending key order.</summary>
    public IReadOnlyList<StateChange> Changes => _writes.Select(w => new StateChange(w.Key, w.Value)).ToArray();

    /// <inheritdoc />
    public byte[]? Get(ReadOnlySpan<byte> key) =>
        _writes.TryGetValue(key.ToArray(), out var value) ? value : _parent.Get(key);

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>.</summary>
    public void Set(byte[] key, byte[] value) => _writes[key] = value;

    /// <summary>Deletes <paramref name="key"/>.</summary>
    public void Delete(byte[] key) => _writes[key] = null;

    /// <summary>A u64 value, 0 when absent.</summary>
    public ulong GetU64(byte[] key)
    {
        var bytes = Get(key);
        if (bytes is null)
        {
            return 0;
        }

        var reader = new CodecReader(bytes);
        var value = reader.U64("u64 state value");
        reader.End("u64 state value");
        return value;
    }

    /// <summary>Stores a u64 value.</summary>
    public void SetU64(byte[] key, ulong value) => Set(key, new CodecWriter(8).U64(value).ToArray());

    /// <summary>The record of <paramref name="account"/>, empty when never touched.</summary>
    public AccountInfo GetAccount(AccountId account)
    {
        var bytes = Get(StateKeys.Account(account));
        return bytes is null ? AccountInfo.Empty : AccountInfo.Decode(bytes);
    }

    /// <summary>Stores the record of <paramref name="account"/>.</summary>
    public void SetAccount(AccountId account, AccountInfo info) => Set(StateKeys.Account(account), info.Encode());
}
