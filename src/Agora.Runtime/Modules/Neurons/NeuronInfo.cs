using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;

namespace Agora.Runtime.Modules.Neurons;

/// <summary>Who holds a uid and since when: the hotkey and the block it registered at (its immunity starts there).</summary>
public sealed record NeuronInfo(AccountId Hotkey, ulong BlockAtRegistration)
{
    private const byte EncodingVersion = 1;

    /// <summary>Canonical encoding.</summary>
    public byte[] Encode() => new CodecWriter(41).U8(EncodingVersion).Account(Hotkey).U64(BlockAtRegistration).ToArray();

    /// <summary>Decodes a stored record.</summary>
    public static NeuronInfo Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CodecReader(bytes);
        var version = reader.U8("neuron.version");
        if (version != EncodingVersion)
        {
            throw new CodecException($"neuron.version: {version} is not known");
        }

        var info = new NeuronInfo(reader.Account("neuron.hotkey"), reader.U64("neuron.block_at_registration"));
        reader.End("neuron");
        return info;
    }
}
