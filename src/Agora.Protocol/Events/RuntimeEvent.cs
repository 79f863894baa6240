using Agora.Core.Codec;
using Agora.Protocol.Modules;

namespace Agora.Protocol.Events;

/// <summary>
/// Something a block did, for explorers, wallets and tests. The runtime never logs; it emits these. Each module
/// owns its events; <see cref="EventCodec"/> reads them back.
/// </summary>
public abstract record RuntimeEvent
{
    /// <summary>The tag in the encoding.</summary>
    public abstract EventTag Tag { get; }

    /// <summary>The wire name: the snake_case of the event's type.</summary>
    public string Name => SnakeCase.Of(Tag.ToString());

    /// <summary>The fields in encoding order, for renderers.</summary>
    public abstract IReadOnlyList<EventField> Fields();

    /// <summary>Writes tag and fields.</summary>
    public void Encode(CodecWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.U8((byte)Tag);
        EncodeFields(writer);
    }

    /// <summary>Writes the fields after the tag.</summary>
    protected abstract void EncodeFields(CodecWriter writer);
}
