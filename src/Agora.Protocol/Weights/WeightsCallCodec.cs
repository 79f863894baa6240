using System.Collections.Immutable;
using System.Globalization;
using Agora.Core.Codec;

namespace Agora.Protocol.Weights;

/// <summary>How weights calls encode and render their uid and weight lists.</summary>
internal static class WeightsCallCodec
{
    /// <summary>A LEB128 count, then each value as u16 LE.</summary>
    public static void WriteList(CodecWriter writer, ImmutableArray<ushort> values)
    {
        writer.Length32(values.Length);
        foreach (var value in values)
        {
            writer.U16(value);
        }
    }

    /// <summary>Reads a list of at most <see cref="WeightsLimits.UidCountMax"/> values (one per uid of the largest subnet).</summary>
    public static ImmutableArray<ushort> ReadList(ref CodecReader reader, string field)
    {
        var count = reader.Length32(field, WeightsLimits.UidCountMax);
        var values = ImmutableArray.CreateBuilder<ushort>(count);
        for (var i = 0; i < count; i++)
        {
            values.Add(reader.U16(field));
        }

        return values.MoveToImmutable();
    }

    /// <summary>The values comma-separated, as the CLI takes them.</summary>
    public static string Render(ImmutableArray<ushort> values) => string.Join(',', values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
