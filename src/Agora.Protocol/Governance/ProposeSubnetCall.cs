using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Subnets;
using Agora.Protocol.Transactions;

namespace Agora.Protocol.Governance;

/// <summary>
/// The signing coldkey proposes a subnet, locking the current lock cost until the senate decides: its name,
/// description, owner hotkey (the signer or a hotkey it owns) and hyperparameters that differ from the defaults.
/// </summary>
public sealed record ProposeSubnetCall(string SubnetName, string Description, AccountId OwnerHotkey, IReadOnlyList<HyperparameterOverride> Overrides) : Call
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.ProposeSubnet;

    /// <inheritdoc />
    public override ulong WeightFeeRao => 100_000;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Arguments() =>
    [
        new("subnet_name", SubnetName), new("description", Description), new("owner_hotkey", OwnerHotkey),
        new("overrides", Overrides.Select(o => new EventField(Hyperparameters.IsKnown(o.Parameter) ? Hyperparameters.Describe(o.Parameter).Name : $"unknown_{(byte)o.Parameter}", o.Value)).ToArray()),
    ];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer)
    {
        writer.Text(SubnetName).Text(Description).Account(OwnerHotkey).Length32(Overrides.Count);
        foreach (var entry in Overrides)
        {
            writer.U8((byte)entry.Parameter).U64(entry.Value);
        }
    }

    internal static ProposeSubnetCall DecodeFields(ref CodecReader reader)
    {
        var name = reader.Text("propose_subnet.subnet_name", GovernanceLimits.NameBytesMax);
        var description = reader.Text("propose_subnet.description", GovernanceLimits.DescriptionBytesMax);
        var owner = reader.Account("propose_subnet.owner_hotkey");
        var count = reader.Length32("propose_subnet.overrides", GovernanceLimits.OverrideCountMax);
        var overrides = new HyperparameterOverride[count];
        for (var i = 0; i < count; i++)
        {
            overrides[i] = new HyperparameterOverride((HyperparameterId)reader.U8("propose_subnet.override.parameter"), reader.U64("propose_subnet.override.value"));
        }

        return new ProposeSubnetCall(name, description, owner, overrides);
    }
}
