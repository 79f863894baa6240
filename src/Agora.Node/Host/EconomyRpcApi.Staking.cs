using System.Text.Json.Nodes;
using Agora.Core.Primitives;
using Agora.Node.Rpc;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Governance;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Staking;
using Agora.Storage;

namespace Agora.Node.Host;

/// <summary>Stake, hotkeys, delegates and the senate.</summary>
internal sealed partial class EconomyRpcApi
{
    private JsonArray GetStake(RpcParams parameters)
    {
        parameters.ExpectCountMax(1);
        var coldkey = Account(parameters, "coldkey");
        return Read((state, _, _) => new JsonArray(StakingState.PositionsOf(state, coldkey)
            .Take(EconomyRpcLimits.PositionCountMax)
            .Select(p => (JsonNode)new JsonObject { ["hotkey"] = p.Hotkey.ToString(), ["netuid"] = p.Netuid, ["stake"] = p.Stake.Value })
            .ToArray()));
    }

    // Null for a hotkey no coldkey owns.
    private JsonObject? GetHotkey(RpcParams parameters)
    {
        parameters.ExpectCountMax(1);
        var hotkey = Account(parameters, "hotkey");
        return Read((state, _, _) =>
        {
            if (StakingState.Hotkey(state, hotkey) is not { } info)
            {
                return null;
            }

            var stakes = StakingState.SubnetsOf(state, hotkey).ToArray();
            var nominators = stakes
                .SelectMany(s => StakingState.NominatorsOn(state, s.Netuid, hotkey).Select(n => (n.Coldkey, s.Netuid, n.Stake)))
                .ToArray();
            return new JsonObject
            {
                ["hotkey"] = hotkey.ToString(),
                ["owner"] = info.Owner.ToString(),
                ["take"] = ChainJson.Proportion(info.Take),
                ["total_stake"] = info.TotalStake.Value,
                ["stakes"] = new JsonArray(stakes.Select(s => (JsonNode)new JsonObject { ["netuid"] = s.Netuid, ["stake"] = s.Stake.Value }).ToArray()),
                ["nominators"] = new JsonArray(nominators
                    .OrderByDescending(n => n.Stake.Value).ThenBy(n => n.Netuid).ThenBy(n => n.Coldkey, AccountOrder.Instance)
                    .Take(EconomyRpcLimits.NominatorCountMax)
                    .Select(n => (JsonNode)new JsonObject { ["coldkey"] = n.Coldkey.ToString(), ["netuid"] = n.Netuid, ["stake"] = n.Stake.Value })
                    .ToArray()),
                ["nominator_count"] = nominators.Length,
                ["registrations"] = Registrations(state, hotkey),
            };
        });
    }

    private JsonArray GetDelegates(RpcParams parameters)
    {
        parameters.ExpectCountMax(0);
        return Read((state, _, _) => new JsonArray(StakingState.Hotkeys(state)
            .OrderByDescending(h => h.Info.TotalStake.Value).ThenBy(h => h.Hotkey, AccountOrder.Instance)
            .Take(EconomyRpcLimits.DelegateCountMax)
            .Select(h => (JsonNode)new JsonObject
            {
                ["hotkey"] = h.Hotkey.ToString(),
                ["owner"] = h.Info.Owner.ToString(),
                ["take"] = ChainJson.Proportion(h.Info.Take),
                ["total_stake"] = h.Info.TotalStake.Value,
                ["nominators"] = NominatorCount(state, h.Hotkey),
            })
            .ToArray()));
    }

    private JsonArray GetSenate(RpcParams parameters)
    {
        parameters.ExpectCountMax(0);
        return Read((state, _, chainParameters) => new JsonArray(Senate.Members(state, chainParameters)
            .Select(m => (JsonNode)new JsonObject { ["hotkey"] = m.Hotkey.ToString(), ["stake"] = m.Stake.Value })
            .ToArray()));
    }

    // Where the hotkey holds a uid, with what its last epoch paid it (for wallet overview).
    private static JsonArray Registrations(IStateReader state, AccountId hotkey) =>
        new(NeuronState.RegistrationsOf(state, hotkey)
            .Select(r => (JsonNode)new JsonObject
            {
                ["netuid"] = r.Netuid,
                ["uid"] = r.Uid,
                ["emission"] = EpochState.Outputs(state, r.Netuid, r.Uid).Emission.Value,
            })
            .ToArray());

    // Distinct coldkeys with stake on the hotkey, over every netuid.
    private static int NominatorCount(IStateReader state, AccountId hotkey) =>
        StakingState.SubnetsOf(state, hotkey)
            .SelectMany(s => StakingState.NominatorsOn(state, s.Netuid, hotkey).Select(n => n.Coldkey))
            .Distinct()
            .Count();
}
