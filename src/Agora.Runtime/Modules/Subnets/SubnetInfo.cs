using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Governance;

namespace Agora.Runtime.Modules.Subnets;

/// <summary>A subnet's identity: name, description, owner coldkey and hotkey, the lock it holds, its launch block.</summary>
public sealed record SubnetInfo(string Name, string Description, AccountId Owner, AccountId OwnerHotkey, Rao Lock, ulong RegisteredAt)
{
    private const byte EncodingVersion = 1;

    /// <summary>Canonical encoding.</summary>
    public byte[] Encode() =>
        new CodecWriter(128 + Description.Length).U8(EncodingVersion).Text(Name).Text(Description).Account(Owner).Account(OwnerHotkey)
            .Rao(Lock).U64(RegisteredAt).ToArray();

    /// <summary>Decodes a stored record.</summary>
    public static SubnetInfo Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CodecReader(bytes);
        var version = reader.U8("subnet.version");
        if (version != EncodingVersion)
        {
            throw new CodecException($"subnet.version: {version} is not known");
        }

        var info = new SubnetInfo(
            reader.Text("subnet.name", GovernanceLimits.NameBytesMax), reader.Text("subnet.description", GovernanceLimits.DescriptionBytesMax),
            reader.Account("subnet.owner"), reader.Account("subnet.owner_hotkey"), reader.Rao("subnet.lock"), reader.U64("subnet.registered_at"));
        reader.End("subnet");
        return info;
    }
}
