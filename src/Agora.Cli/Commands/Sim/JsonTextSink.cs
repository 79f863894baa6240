using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Agora.Cli.Commands.Sim;

/// <summary>
/// A <see cref="Utf8JsonWriter"/> whose bytes go on to a <see cref="TextWriter"/> whenever <see cref="Drain"/> is
/// called and when it is disposed (then followed by a newline), so a large document is written in pieces rather
/// than built whole in memory first.
/// </summary>
internal sealed class JsonTextSink : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly TextWriter _text;
    private char[] _characters = [];

    public JsonTextSink(TextWriter text)
    {
        _text = text;
        Writer = new Utf8JsonWriter(_buffer);
    }

    /// <summary>The writer to write the document with.</summary>
    public Utf8JsonWriter Writer { get; }

    /// <summary>Passes everything written so far on to the text writer.</summary>
    public void Drain()
    {
        Writer.Flush();
        var bytes = _buffer.WrittenSpan;
        var length = Encoding.UTF8.GetMaxCharCount(bytes.Length);
        if (_characters.Length < length)
        {
            _characters = new char[length];
        }

        _text.Write(_characters, 0, Encoding.UTF8.GetChars(bytes, _characters));
        _buffer.ResetWrittenCount();
    }

    /// <summary>Drains the rest, ends the document with a newline and releases the writer.</summary>
    public void Dispose()
    {
        Drain();
        _text.Write('\n');
        Writer.Dispose();
    }
}
