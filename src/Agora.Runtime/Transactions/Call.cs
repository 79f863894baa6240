using Agora.Core.Codec;

namespace Agora.Runtime.Transactions;

/// <summary>What a transaction asks the chain to do.</summary>
public abstract record Call
{
    /// <summary>The tag that identifies the call in its encoding.</summary>
    public abstract CallTag Tag { get; }

    /// <summary>Extra fee for the work the call causes, beyond bytes.</summary>
    public virtual ulong WeightFeeRao => 0;

    /// <summary>Writes the call's fields after its tag.</summary>
    protected abstract void EncodeFields(CodecWriter writer);

    /// <summary>Writes tag and fields.</summary>
    public void Encode(CodecWriter writer)
    {
        writer.U8((byte)Tag);
        EncodeFields(writer);
    }

    /// <summary>Reads a call, rejecting unknown tags.</summary>
    public static Call Decode(ref CodecReader reader)
    {
        var tag = reader.U8("call.tag");
        return (CallTag)tag switch
        {
            CallTag.Transfer => TransferCall.DecodeFields(ref reader),
            _ => throw new CodecException($"call.tag: unknown call {tag}"),
        };
    }
}
