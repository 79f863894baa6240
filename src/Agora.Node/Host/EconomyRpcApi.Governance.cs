using System.Text.Json.Nodes;
using Agora.Node.Rpc;
using Agora.Protocol.Subnets;
using Agora.Runtime.Modules.Governance;

namespace Agora.Node.Host;

/// <summary>Subnet proposals.</summary>
internal sealed partial class EconomyRpcApi
{
    // The newest ProposalCountMax proposals, oldest first.
    private JsonArray GetProposals(RpcParams parameters)
    {
        parameters.ExpectCountMax(0);
        return Read((state, _, _) =>
        {
            var proposals = GovernanceState.Proposals(state).ToList();
            var skip = Math.Max(0, proposals.Count - EconomyRpcLimits.ProposalCountMax);
            return new JsonArray(proposals.Skip(skip).Select(p => (JsonNode)Proposal(p)).ToArray());
        });
    }

    private static JsonObject Proposal(Proposal proposal)
    {
        var overrides = new JsonObject();
        foreach (var entry in proposal.Overrides.Where(o => Hyperparameters.IsKnown(o.Parameter)))
        {
            var definition = Hyperparameters.Describe(entry.Parameter);
            overrides[definition.Name] = ChainJson.Value(definition.Render(entry.Value));
        }

        return new JsonObject
        {
            ["id"] = proposal.Id,
            ["proposer"] = proposal.Proposer.ToString(),
            ["name"] = proposal.SubnetName,
            ["description"] = proposal.Description,
            ["owner_hotkey"] = proposal.OwnerHotkey.ToString(),
            ["status"] = proposal.Status.ToString().ToLowerInvariant(),
            ["ayes"] = new JsonArray(proposal.Ayes.Select(a => (JsonNode)JsonValue.Create(a.ToString())).ToArray()),
            ["nays"] = new JsonArray(proposal.Nays.Select(a => (JsonNode)JsonValue.Create(a.ToString())).ToArray()),
            ["aye_stake"] = proposal.AyeStake.Value,
            ["nay_stake"] = proposal.NayStake.Value,
            ["lock"] = proposal.Lock.Value,
            ["created_at"] = proposal.CreatedAt,
            ["end_block"] = proposal.EndBlock,
            ["replaces_netuid"] = proposal.ReplacesNetuid,
            ["netuid"] = proposal.Netuid,
            ["overrides"] = overrides,
        };
    }
}
