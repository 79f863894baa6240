using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Storage;

namespace Agora.Runtime.State;

/// <summary>Typed reads over any state (the best block's, a past block's or an overlay), for modules and queries alike.</summary>
public static class StateReading
{
    /// <summary>A u64 value, 0 when absent.</summary>
    public static ulong ReadU64(this IStateLookup state, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(state);
        var bytes = state.Get(key);
        return bytes is null ? 0 : DecodeU64(bytes);
    }

    /// <summary>The record of <paramref name="account"/>, empty when never touched.</summary>
    public static AccountInfo ReadAccount(this IStateLookup state, AccountId account)
    {
        ArgumentNullException.ThrowIfNull(state);
        var bytes = state.Get(StateKeys.Account(account));
        return bytes is null ? AccountInfo.Empty : AccountInfo.Decode(bytes);
    }

    /// <summary>A stored u64 value.</summary>
    public static ulong DecodeU64(ReadOnlySpan<byte> bytes)
    {
        var reader = new CodecReader(bytes);
        var value = reader.U64("u64 state value");
        reader.End("u64 state value");
        return value;
    }
}
