using System.Runtime.InteropServices;
using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Storage;

namespace Agora.Runtime.State;

/// <summary>
/// Pending writes over a block's parent state. Reads see the writes; <see cref="Changes"/> lists them in
/// key order (never hash order), so every node derives the same change set and state root. A call runs on a
/// <see cref="Fork"/> that is committed only when the call succeeds, so a failed call leaves no trace.
/// </summary>
public sealed class StateOverlay : IStateReader
{
    private readonly IStateReader _parent;

    // Values by key for lookups (hash order is never enumerated); the keys again, sorted, for every ordered walk. A
    // key enters the sorted set once, on its first write, so rewriting a key and every read cost one hash lookup.
    private readonly Dictionary<byte[], byte[]?> _writes = new(ByteOrder.Instance);
    private readonly Dictionary<byte[], byte[]?>.AlternateLookup<ReadOnlySpan<byte>> _writesBySpan;
    private readonly SortedSet<byte[]> _writtenKeys = new(ByteOrder.Instance);

    /// <summary>Starts with no writes over <paramref name="parent"/>.</summary>
    public StateOverlay(IStateReader parent)
    {
        _parent = parent;
        _writesBySpan = _writes.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>Every written key with its new value (null = deleted), in ascending key order.</summary>
    public IReadOnlyList<StateChange> Changes
    {
        get
        {
            var changes = new StateChange[_writtenKeys.Count];
            var i = 0;
            foreach (var key in _writtenKeys)
            {
                changes[i++] = new StateChange(key, _writes[key]);
            }

            return changes;
        }
    }

    /// <summary>Keys written so far.</summary>
    public int WriteCount => _writes.Count;

    /// <inheritdoc />
    public byte[]? Get(ReadOnlySpan<byte> key) =>
        _writesBySpan.TryGetValue(key, out var value) ? value : _parent.Get(key);

    /// <inheritdoc />
    /// <remarks>The parent's entries merged with this overlay's writes (a write wins; a delete hides the entry).</remarks>
    public IEnumerable<KeyValuePair<byte[], byte[]>> Iterate(ReadOnlyMemory<byte> prefix)
    {
        var written = WrittenWithPrefix(prefix.Span);
        using var parent = _parent.Iterate(prefix).GetEnumerator();
        var hasParent = parent.MoveNext();
        var w = 0;
        while (hasParent || w < written.Count)
        {
            var order = !hasParent ? 1 : w >= written.Count ? -1 : ByteOrder.Instance.Compare(parent.Current.Key, written[w].Key);
            if (order < 0)
            {
                yield return parent.Current;
                hasParent = parent.MoveNext();
                continue;
            }

            if (order == 0)
            {
                hasParent = parent.MoveNext();
            }

            if (written[w].Value is { } value)
            {
                yield return new KeyValuePair<byte[], byte[]>(written[w].Key, value);
            }

            w++;
        }
    }

    /// <summary>A child overlay whose writes reach this one only on <see cref="CommitTo"/>.</summary>
    public StateOverlay Fork() => new(this);

    /// <summary>Copies this overlay's writes into <paramref name="target"/> (normally the overlay it was forked from).</summary>
    public void CommitTo(StateOverlay target)
    {
        ArgumentNullException.ThrowIfNull(target);
        foreach (var key in _writtenKeys)
        {
            target.Write(key, _writes[key]);
        }
    }

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>.</summary>
    public void Set(byte[] key, byte[] value) => Write(key, value);

    /// <summary>Deletes <paramref name="key"/>.</summary>
    public void Delete(byte[] key) => Write(key, null);

    /// <summary>A u64 value, 0 when absent.</summary>
    public ulong GetU64(byte[] key) => this.ReadU64(key);

    /// <summary>Stores a u64 value.</summary>
    public void SetU64(byte[] key, ulong value) => Set(key, new CodecWriter(8).U64(value).ToArray());

    /// <summary>Stores a u64 value, or deletes the key when the value is zero (so empty positions leave no entry).</summary>
    public void SetU64OrDelete(byte[] key, ulong value)
    {
        if (value == 0)
        {
            Delete(key);
        }
        else
        {
            SetU64(key, value);
        }
    }

    /// <summary>The record of <paramref name="account"/>, empty when never touched.</summary>
    public AccountInfo GetAccount(AccountId account) => this.ReadAccount(account);

    /// <summary>Stores the record of <paramref name="account"/>.</summary>
    public void SetAccount(AccountId account, AccountInfo info) => Set(StateKeys.Account(account), info.Encode());

    private void Write(byte[] key, byte[]? value)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_writes, key, out var existed);
        slot = value;
        if (!existed)
        {
            _writtenKeys.Add(key);
        }
    }

    private List<KeyValuePair<byte[], byte[]?>> WrittenWithPrefix(ReadOnlySpan<byte> prefix)
    {
        var result = new List<KeyValuePair<byte[], byte[]?>>();
        if (_writtenKeys.Count == 0)
        {
            return result;
        }

        var lower = prefix.ToArray();
        var upper = ByteOrder.PrefixEnd(prefix);
        var max = _writtenKeys.Max!;
        if (ByteOrder.Instance.Compare(lower, max) > 0)
        {
            return result;
        }

        // A SortedSet view counts its whole range when made, so bound it by the prefix's end, not the set's maximum.
        var viewUpper = upper is not null && ByteOrder.Instance.Compare(upper, max) < 0 ? upper : max;
        foreach (var key in _writtenKeys.GetViewBetween(lower, viewUpper))
        {
            if (upper is not null && ByteOrder.Instance.Compare(key, upper) >= 0)
            {
                break;
            }

            result.Add(new KeyValuePair<byte[], byte[]?>(key, _writes[key]));
        }

        return result;
    }
}
