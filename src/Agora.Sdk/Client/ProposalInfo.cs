using System.Text.Json;
using Agora.Core.Primitives;
using Agora.Protocol.Governance;

namespace Agora.Sdk.Client;

/// <summary>A subnet proposal from <c>agora_getProposals</c>.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Proposer">The coldkey that proposed and locked.</param>
/// <param name="Name">The subnet's name.</param>
/// <param name="Description">The subnet's description.</param>
/// <param name="OwnerHotkey">The owner hotkey it would launch with.</param>
/// <param name="Status">Pending, approved, rejected, expired or cancelled.</param>
/// <param name="Ayes">Hotkeys that voted aye.</param>
/// <param name="Nays">Hotkeys that voted nay.</param>
/// <param name="AyeStake">The last tally's aye stake.</param>
/// <param name="NayStake">The last tally's nay stake.</param>
/// <param name="Lock">The lock it holds (or held).</param>
/// <param name="CreatedAt">The block it was proposed in.</param>
/// <param name="EndBlock">The last block of its voting window.</param>
/// <param name="ReplacesNetuid">The subnet it would replace when all slots are taken.</param>
/// <param name="Netuid">The launched subnet, once approved.</param>
/// <param name="Overrides">Hyperparameters that differ from the defaults: name → value.</param>
public sealed record ProposalInfo(
    ulong Id,
    AccountId Proposer,
    string Name,
    string Description,
    AccountId OwnerHotkey,
    ProposalStatus Status,
    IReadOnlyList<AccountId> Ayes,
    IReadOnlyList<AccountId> Nays,
    Rao AyeStake,
    Rao NayStake,
    Rao Lock,
    ulong CreatedAt,
    ulong EndBlock,
    ushort? ReplacesNetuid,
    ushort? Netuid,
    IReadOnlyDictionary<string, JsonElement>? Overrides);
