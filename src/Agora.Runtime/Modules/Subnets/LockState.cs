using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;

namespace Agora.Runtime.Modules.Subnets;

/// <summary>What the lock cost depends on: the last launch's lock and block, and whether any subnet launched yet.</summary>
public sealed record LockState(Rao LastLock, ulong LastLaunchBlock, bool LaunchedAny)
{
    private const byte EncodingVersion = 1;

    /// <summary>Canonical encoding.</summary>
    public byte[] Encode() => new CodecWriter(18).U8(EncodingVersion).Rao(LastLock).U64(LastLaunchBlock).Bool(LaunchedAny).ToArray();

    /// <summary>Decodes a stored record.</summary>
    public static LockState Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CodecReader(bytes);
        var version = reader.U8("lock_state.version");
        if (version != EncodingVersion)
        {
            throw new CodecException($"lock_state.version: {version} is not known");
        }

        var state = new LockState(reader.Rao("lock_state.last_lock"), reader.U64("lock_state.last_launch_block"), reader.Bool("lock_state.launched_any"));
        reader.End("lock_state");
        return state;
    }

    /// <summary>
    /// The lock cost at block <paramref name="now"/> (DESIGN §4a): <c>max(min, last · m − last · (now − last_launch) /
    /// decay)</c> with m = 2 after a launch, 1 before the first; integer arithmetic.
    /// </summary>
    public Rao CostAt(ulong now, ChainParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var last = (UInt128)Rao.Max(LastLock, parameters.SubnetLockMin).Value;
        var multiplied = LaunchedAny ? last * 2 : last;
        var elapsed = now > LastLaunchBlock ? now - LastLaunchBlock : 0;
        var decay = parameters.SubnetLockDecayBlocks == 0 ? multiplied : last * elapsed / parameters.SubnetLockDecayBlocks;
        var cost = decay >= multiplied ? 0 : multiplied - decay;
        var capped = cost > ulong.MaxValue ? ulong.MaxValue : (ulong)cost;
        return Rao.Max(new Rao(capped), parameters.SubnetLockMin);
    }

    /// <summary>
    /// Null when a subnet may launch (or be proposed) at block <paramref name="now"/>; otherwise the first block the
    /// launch rate limit allows.
    /// </summary>
    public ulong? LaunchBlockedUntil(ulong now, ChainParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var next = LastLaunchBlock + parameters.SubnetLaunchRateLimitBlocks;
        return LaunchedAny && now < next ? next : null;
    }
}
