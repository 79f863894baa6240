using System.Collections.Immutable;
using Agora.Core.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Neurons;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Modules.Neurons;

/// <summary>
/// A subnet's last <see cref="NeuronLimits.DeregistrationsKept"/> replacements, newest first, each with the block it
/// happened in: what <c>agora_getDeregistrations</c> serves (older ones live on in block events).
/// </summary>
public sealed record DeregistrationHistory(ImmutableArray<DeregistrationEntry> Entries)
{
    private const byte EncodingVersion = 1;

    /// <summary>No replacements yet.</summary>
    public static DeregistrationHistory None { get; } = new([]);

    /// <summary>The history of <paramref name="netuid"/> (none when absent).</summary>
    public static DeregistrationHistory Of(IStateReader state, ushort netuid)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Get(NeuronKeys.Deregistrations(netuid)) is { } bytes ? Decode(bytes) : None;
    }

    /// <summary>This history with <paramref name="entry"/> in front, the oldest dropped past the limit.</summary>
    public DeregistrationHistory Prepend(DeregistrationEntry entry) =>
        new(Entries.Insert(0, entry).Take(NeuronLimits.DeregistrationsKept).ToImmutableArray());

    /// <summary>Stores this history as <paramref name="netuid"/>'s.</summary>
    public void SaveAs(StateOverlay state, ushort netuid)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Set(NeuronKeys.Deregistrations(netuid), Encode());
    }

    /// <summary>Canonical encoding: version, count, then each entry's block and its <see cref="NeuronReplaced"/> event (tag included).</summary>
    public byte[] Encode()
    {
        var writer = new CodecWriter(5 + (110 * Entries.Length)).U8(EncodingVersion).Length32(Entries.Length);
        foreach (var entry in Entries)
        {
            writer.U64(entry.Block);
            entry.Replaced.Encode(writer);
        }

        return writer.ToArray();
    }

    /// <summary>Decodes a stored history.</summary>
    public static DeregistrationHistory Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CodecReader(bytes);
        var version = reader.U8("deregistrations.version");
        if (version != EncodingVersion)
        {
            throw new CodecException($"deregistrations.version: {version} is not known");
        }

        var count = reader.Length32("deregistrations.count", NeuronLimits.DeregistrationsKept);
        var entries = ImmutableArray.CreateBuilder<DeregistrationEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var block = reader.U64("deregistrations.block");
            var tag = reader.U8("deregistrations.tag");
            if (tag != (byte)EventTag.NeuronReplaced)
            {
                throw new CodecException($"deregistrations.tag: {tag} is not neuron_replaced");
            }

            entries.Add(new DeregistrationEntry(block, NeuronReplaced.Decode(ref reader)));
        }

        reader.End("deregistrations");
        return new DeregistrationHistory(entries.MoveToImmutable());
    }

    /// <summary>Equal by entries (an immutable array compares by reference otherwise).</summary>
    public bool Equals(DeregistrationHistory? other) => other is not null && Entries.SequenceEqual(other.Entries);

    /// <inheritdoc />
    public override int GetHashCode() => Entries.Length;
}
