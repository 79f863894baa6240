using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;

namespace Agora.Runtime.Modules.Subnets;

/// <summary>
/// The values of a subnet that change every block, kept apart from <see cref="SubnetInfo"/> so a block rewrites
/// only these: its total stake, the stake EMA that steers emission, its pending emission (paid out at its epoch) and
/// the dust its payouts carried.
/// </summary>
public sealed record SubnetEconomy(Rao TotalStake, Rao EmaStake, Rao PendingEmission, Rao Dust)
{
    private const byte EncodingVersion = 1;

    /// <summary>A subnet with nothing yet.</summary>
    public static SubnetEconomy Empty { get; } = new(Rao.Zero, Rao.Zero, Rao.Zero, Rao.Zero);

    /// <summary>Canonical encoding.</summary>
    public byte[] Encode() => new CodecWriter(33).U8(EncodingVersion).Rao(TotalStake).Rao(EmaStake).Rao(PendingEmission).Rao(Dust).ToArray();

    /// <summary>Decodes a stored record.</summary>
    public static SubnetEconomy Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CodecReader(bytes);
        var version = reader.U8("subnet_economy.version");
        if (version != EncodingVersion)
        {
            throw new CodecException($"subnet_economy.version: {version} is not known");
        }

        var economy = new SubnetEconomy(reader.Rao("subnet_economy.total_stake"), reader.Rao("subnet_economy.ema_stake"),
            reader.Rao("subnet_economy.pending_emission"), reader.Rao("subnet_economy.dust"));
        reader.End("subnet_economy");
        return economy;
    }
}
