using System.Collections.Immutable;
using Agora.Core.Codec;
using Agora.Protocol.Weights;

namespace Agora.Runtime.Modules.Weights;

/// <summary>
/// One row of a subnet's weights or bonds matrix: (uid, u16 value) entries in strictly ascending uid order, zero
/// values left out. One state value per row, so a row is read and rewritten whole.
/// </summary>
public sealed record SparseU16Row
{
    /// <summary>Most entries a row can hold: one per uid of the largest subnet (<c>max_allowed_uids</c> ≤ 4,096).</summary>
    public const int EntriesMax = WeightsLimits.UidCountMax;

    private const byte EncodingVersion = 1;

    /// <summary>A row from entries that are already in strictly ascending uid order with no zero values.</summary>
    public SparseU16Row(ImmutableArray<(ushort Uid, ushort Value)> entries)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].Value == 0 || (i > 0 && entries[i].Uid <= entries[i - 1].Uid))
            {
                throw new ArgumentException("row entries must have ascending distinct uids and non-zero values", nameof(entries));
            }
        }

        Entries = entries;
    }

    /// <summary>The empty row.</summary>
    public static SparseU16Row Empty { get; } = new([]);

    /// <summary>The entries, ascending by uid, none zero.</summary>
    public ImmutableArray<(ushort Uid, ushort Value)> Entries { get; }

    /// <summary>True when the row has no entry.</summary>
    public bool IsEmpty => Entries.IsEmpty;

    /// <summary>The value at <paramref name="uid"/> (0 when absent).</summary>
    public ushort this[ushort uid]
    {
        get
        {
            foreach (var (entryUid, value) in Entries)
            {
                if (entryUid == uid)
                {
                    return value;
                }
            }

            return 0;
        }
    }

    /// <summary>This row without <paramref name="uid"/>'s entry (the same row when it has none).</summary>
    public SparseU16Row Without(ushort uid) =>
        this[uid] == 0 ? this : new SparseU16Row(Entries.RemoveAll(e => e.Uid == uid));

    /// <summary>Canonical encoding: version, count, then (uid, value) pairs.</summary>
    public byte[] Encode()
    {
        var writer = new CodecWriter(5 + (4 * Entries.Length)).U8(EncodingVersion).Length32(Entries.Length);
        foreach (var (uid, value) in Entries)
        {
            writer.U16(uid).U16(value);
        }

        return writer.ToArray();
    }

    /// <summary>Decodes a stored row, rejecting unordered uids and zero values.</summary>
    public static SparseU16Row Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CodecReader(bytes);
        var version = reader.U8("row.version");
        if (version != EncodingVersion)
        {
            throw new CodecException($"row.version: {version} is not known");
        }

        var count = reader.Length32("row.count", EntriesMax);
        var entries = ImmutableArray.CreateBuilder<(ushort, ushort)>(count);
        var previous = -1;
        for (var i = 0; i < count; i++)
        {
            var uid = reader.U16("row.uid");
            var value = reader.U16("row.value");
            if (uid <= previous || value == 0)
            {
                throw new CodecException("row: uids must ascend and values be non-zero");
            }

            previous = uid;
            entries.Add((uid, value));
        }

        reader.End("row");
        return new SparseU16Row(entries.MoveToImmutable());
    }
}
