using System.Collections.Frozen;
using Agora.Core.Primitives;

namespace Agora.Sdk.Axon;

/// <summary>
/// An in-memory <see cref="IAxonCallerDirectory"/>: a snapshot of registered hotkeys and stakes, replaced whole
/// after each metagraph sync (readers never lock and never see half an update).
/// </summary>
public sealed class AxonCallerDirectory : IAxonCallerDirectory
{
    private readonly Lock _writeLock = new();
    private volatile FrozenDictionary<AccountId, Rao> _stakes = FrozenDictionary<AccountId, Rao>.Empty;

    /// <summary>Hotkeys registered now.</summary>
    public int Count => _stakes.Count;

    /// <inheritdoc />
    public bool TryGetStake(AccountId hotkey, out Rao stake) => _stakes.TryGetValue(hotkey, out stake);

    /// <summary>Replaces every entry with <paramref name="stakes"/> (e.g. the metagraph's hotkeys and stakes).</summary>
    public void Replace(IEnumerable<KeyValuePair<AccountId, Rao>> stakes) => _stakes = stakes.ToFrozenDictionary();

    /// <summary>Registers <paramref name="hotkey"/> with <paramref name="stake"/>, or updates its stake.</summary>
    public void Set(AccountId hotkey, Rao stake)
    {
        lock (_writeLock)
        {
            var next = new Dictionary<AccountId, Rao>(_stakes) { [hotkey] = stake };
            _stakes = next.ToFrozenDictionary();
        }
    }
}
