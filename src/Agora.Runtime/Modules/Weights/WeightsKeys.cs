using Agora.Core.Primitives;
using Agora.Protocol.Modules;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Weights;

/// <summary>The weights module's state layout (one value per row). Persisted: never reuse or renumber an item byte.</summary>
public static class WeightsKeys
{
    /// <summary>netuid ‖ uid → the uid's weights as a <see cref="SparseU16Row"/> (max-upscaled: largest entry 65535).</summary>
    public static readonly byte[] RowPrefix = StateKey.Prefix(ModuleId.Weights, 0x01);

    /// <summary>netuid ‖ uid → block of the uid's last weights (u64); set to the registration block on registration.</summary>
    public static readonly byte[] LastUpdatePrefix = StateKey.Prefix(ModuleId.Weights, 0x02);

    /// <summary>netuid ‖ hotkey → its pending commits (<see cref="PendingCommits"/>).</summary>
    public static readonly byte[] CommitsPrefix = StateKey.Prefix(ModuleId.Weights, 0x03);

    /// <summary>The weights row of (<paramref name="netuid"/>, <paramref name="uid"/>).</summary>
    public static byte[] Row(ushort netuid, ushort uid) => StateKey.With(StateKey.With(RowPrefix, netuid), uid);

    /// <summary>The last update of (<paramref name="netuid"/>, <paramref name="uid"/>).</summary>
    public static byte[] LastUpdate(ushort netuid, ushort uid) => StateKey.With(StateKey.With(LastUpdatePrefix, netuid), uid);

    /// <summary>Every hotkey's pending commits on <paramref name="netuid"/>.</summary>
    public static byte[] CommitsOn(ushort netuid) => StateKey.With(CommitsPrefix, netuid);

    /// <summary>The pending commits of <paramref name="hotkey"/> on <paramref name="netuid"/>.</summary>
    public static byte[] Commits(ushort netuid, AccountId hotkey) => StateKey.With(CommitsOn(netuid), hotkey);
}
