using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Neurons;

/// <summary>The neuron <paramref name="Uid"/> of <paramref name="Hotkey"/> on <paramref name="Netuid"/> serves at this address.</summary>
public sealed record AxonServed(ushort Netuid, ushort Uid, AccountId Hotkey, ReadOnlyMemory<byte> Ip, ushort Port, byte Protocol, uint Version) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.AxonServed;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() =>
    [
        new("netuid", Netuid), new("uid", Uid), new("hotkey", Hotkey), new("ip", AxonAddress.Format(Ip.Span)), new("port", Port),
        new("protocol", Protocol), new("version", Version),
    ];

    /// <summary>Equal by value, the address's bytes included (a memory compares by reference otherwise).</summary>
    public bool Equals(AxonServed? other) =>
        other is not null && (Netuid, Uid, Hotkey, Port, Protocol, Version) == (other.Netuid, other.Uid, other.Hotkey, other.Port, other.Protocol, other.Version)
        && Ip.Span.SequenceEqual(other.Ip.Span);

    /// <inheritdoc />
    public override int GetHashCode() => (Netuid << 16) ^ Uid ^ Hotkey.GetHashCode() ^ Port ^ (int)Version;

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) =>
        writer.U16(Netuid).U16(Uid).Account(Hotkey).Bytes(Ip.Span).U16(Port).U8(Protocol).U32(Version);

    internal static AxonServed Decode(ref CodecReader reader) =>
        new(reader.U16("axon_served.netuid"), reader.U16("axon_served.uid"), reader.Account("axon_served.hotkey"),
            reader.Bytes("axon_served.ip", ServeAxonCall.IpBytesMax).ToArray(), reader.U16("axon_served.port"), reader.U8("axon_served.protocol"),
            reader.U32("axon_served.version"));
}
