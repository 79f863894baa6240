using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Governance;
using Agora.Protocol.Subnets;

namespace Agora.Runtime.Modules.Governance;

/// <summary>
/// A subnet proposal: what would launch, the lock it holds, the subnet it would replace when all slots are taken,
/// its votes (hotkeys) and the last tally, and, once decided, its outcome.
/// </summary>
public sealed record Proposal(
    ulong Id,
    AccountId Proposer,
    string SubnetName,
    string Description,
    AccountId OwnerHotkey,
    IReadOnlyList<HyperparameterOverride> Overrides,
    Rao Lock,
    ushort? ReplacesNetuid,
    ulong CreatedAt,
    ulong EndBlock,
    ProposalStatus Status,
    IReadOnlyList<AccountId> Ayes,
    IReadOnlyList<AccountId> Nays,
    Rao AyeStake,
    Rao NayStake,
    ushort? Netuid,
    ulong DecidedAt)
{
    private const byte EncodingVersion = 1;
    private const int VoteCountMax = 4096;

    /// <summary>Canonical encoding.</summary>
    public byte[] Encode()
    {
        var writer = new CodecWriter(256 + Description.Length + (32 * (Ayes.Count + Nays.Count)))
            .U8(EncodingVersion).U64(Id).Account(Proposer).Text(SubnetName).Text(Description).Account(OwnerHotkey)
            .Length32(Overrides.Count);
        foreach (var entry in Overrides)
        {
            writer.U8((byte)entry.Parameter).U64(entry.Value);
        }

        writer.Rao(Lock).OptionalU16(ReplacesNetuid).U64(CreatedAt).U64(EndBlock).U8((byte)Status);
        WriteAccounts(writer, Ayes);
        WriteAccounts(writer, Nays);
        return writer.Rao(AyeStake).Rao(NayStake).OptionalU16(Netuid).U64(DecidedAt).ToArray();
    }

    /// <summary>Decodes a stored record.</summary>
    public static Proposal Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CodecReader(bytes);
        var version = reader.U8("proposal.version");
        if (version != EncodingVersion)
        {
            throw new CodecException($"proposal.version: {version} is not known");
        }

        var id = reader.U64("proposal.id");
        var proposer = reader.Account("proposal.proposer");
        var name = reader.Text("proposal.subnet_name", GovernanceLimits.NameBytesMax);
        var description = reader.Text("proposal.description", GovernanceLimits.DescriptionBytesMax);
        var owner = reader.Account("proposal.owner_hotkey");
        var overrides = new HyperparameterOverride[reader.Length32("proposal.overrides", GovernanceLimits.OverrideCountMax)];
        for (var i = 0; i < overrides.Length; i++)
        {
            overrides[i] = new HyperparameterOverride((HyperparameterId)reader.U8("proposal.override.parameter"), reader.U64("proposal.override.value"));
        }

        var proposal = new Proposal(id, proposer, name, description, owner, overrides,
            reader.Rao("proposal.lock"), reader.OptionalU16("proposal.replaces_netuid"), reader.U64("proposal.created_at"),
            reader.U64("proposal.end_block"), (ProposalStatus)reader.U8("proposal.status"), ReadAccounts(ref reader, "proposal.ayes"),
            ReadAccounts(ref reader, "proposal.nays"), reader.Rao("proposal.aye_stake"), reader.Rao("proposal.nay_stake"),
            reader.OptionalU16("proposal.netuid"), reader.U64("proposal.decided_at"));
        reader.End("proposal");
        return proposal;
    }

    private static void WriteAccounts(CodecWriter writer, IReadOnlyList<AccountId> accounts)
    {
        writer.Length32(accounts.Count);
        foreach (var account in accounts)
        {
            writer.Account(account);
        }
    }

    private static AccountId[] ReadAccounts(ref CodecReader reader, string field)
    {
        var accounts = new AccountId[reader.Length32(field, VoteCountMax)];
        for (var i = 0; i < accounts.Length; i++)
        {
            accounts[i] = reader.Account(field);
        }

        return accounts;
    }
}
