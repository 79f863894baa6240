using Agora.Core.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;

namespace Agora.Protocol.Transactions;

/// <summary>What a transaction asks the chain to do. Each module owns its calls; <see cref="CallCodec"/> reads them.</summary>
public abstract record Call
{
    /// <summary>The tag that identifies the call in its encoding.</summary>
    public abstract CallTag Tag { get; }

    /// <summary>The wire name: the snake_case of the tag.</summary>
    public string Name => SnakeCase.Of(Tag.ToString());

    /// <summary>Extra fee for the work the call causes, beyond bytes.</summary>
    public virtual ulong WeightFeeRao => 0;

    /// <summary>The arguments in encoding order, for renderers.</summary>
    public abstract IReadOnlyList<EventField> Arguments();

    /// <summary>Writes the call's fields after its tag.</summary>
    protected abstract void EncodeFields(CodecWriter writer);

    /// <summary>Writes tag and fields.</summary>
    public void Encode(CodecWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.U8((byte)Tag);
        EncodeFields(writer);
    }

    /// <summary>Reads a call, rejecting unknown tags.</summary>
    public static Call Decode(ref CodecReader reader) => CallCodec.Decode(ref reader);
}
