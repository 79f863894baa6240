using System.Buffers.Text;

namespace Agora.Cli.Commands.Sim;

/// <summary>
/// One dense row of u16 bonds as JSON text (<c>[0,0,12601,0]</c>), from the row's stored entries. The runs of zeros
/// between them are copied from a prepared <c>0,0,0,…</c>, so a row costs about one copy of its text; writing each
/// number through the JSON writer took most of a large <c>sim epochs</c> run.
/// </summary>
internal sealed class BondRowText
{
    private const int ValueBytesMax = 6;

    private readonly int _size;
    private readonly byte[] _zeros;
    private readonly byte[] _text;

    /// <summary>Prepares rows of <paramref name="size"/> entries.</summary>
    public BondRowText(int size)
    {
        _size = size;
        _zeros = new byte[2 * size];
        for (var k = 0; k < _zeros.Length; k += 2)
        {
            (_zeros[k], _zeros[k + 1]) = ((byte)'0', (byte)',');
        }

        _text = new byte[2 + (ValueBytesMax * size)];
    }

    /// <summary>The row's text; valid until the next call.</summary>
    /// <param name="columns">The stored entries' columns, ascending.</param>
    /// <param name="values">Their values.</param>
    public ReadOnlySpan<byte> Format(ReadOnlySpan<int> columns, ReadOnlySpan<ushort> values)
    {
        _text[0] = (byte)'[';
        var length = 1;
        var next = 0;
        for (var k = 0; k < columns.Length; k++)
        {
            length += Zeros(next, columns[k], length);
            Utf8Formatter.TryFormat(values[k], _text.AsSpan(length), out var written);
            length += written;
            _text[length++] = (byte)',';
            next = columns[k] + 1;
        }

        length += Zeros(next, _size, length);

        // The last separator closes the row; an empty row is just the brackets.
        length = length == 1 ? 2 : length;
        _text[length - 1] = (byte)']';
        return _text.AsSpan(0, length);
    }

    /// <summary>Copies "0," for the columns in [from, to) at <paramref name="at"/>; returns the bytes written.</summary>
    private int Zeros(int from, int to, int at)
    {
        var bytes = 2 * (to - from);
        _zeros.AsSpan(0, bytes).CopyTo(_text.AsSpan(at));
        return bytes;
    }
}
