using System.Text;
using Agora.Core.Codec;
using Agora.Core.Primitives;

namespace Agora.Protocol.Codec;

/// <summary>The runtime's composite fields on top of the core codec: accounts, amounts, texts and optional values.</summary>
public static class CodecExtensions
{
    /// <summary>Writes a 32-byte account.</summary>
    public static CodecWriter Account(this CodecWriter writer, AccountId account)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer.Fixed(account.Bytes);
    }

    /// <summary>Writes an amount in rao.</summary>
    public static CodecWriter Rao(this CodecWriter writer, Rao amount)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer.U64(amount.Value);
    }

    /// <summary>Writes UTF-8 text, length-prefixed.</summary>
    public static CodecWriter Text(this CodecWriter writer, string text)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer.Bytes(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Writes a presence byte and, when present, the u16.</summary>
    public static CodecWriter OptionalU16(this CodecWriter writer, ushort? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Bool(value.HasValue);
        return value is { } present ? writer.U16(present) : writer;
    }

    /// <summary>Reads a 32-byte account.</summary>
    public static AccountId Account(this ref CodecReader reader, string field) => new(reader.Fixed(AccountId.Size, field));

    /// <summary>Reads an amount in rao.</summary>
    public static Rao Rao(this ref CodecReader reader, string field) => new(reader.U64(field));

    /// <summary>Reads UTF-8 text of at most <paramref name="bytesMax"/> bytes, rejecting invalid UTF-8.</summary>
    public static string Text(this ref CodecReader reader, string field, int bytesMax)
    {
        var bytes = reader.Bytes(field, bytesMax);
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new CodecException($"{field}: not valid UTF-8", e);
        }
    }

    /// <summary>Reads what <see cref="OptionalU16(CodecWriter, ushort?)"/> wrote.</summary>
    public static ushort? OptionalU16(this ref CodecReader reader, string field) => reader.Bool(field) ? reader.U16(field) : null;
}
