using Agora.Protocol.Events;
using Agora.Protocol.Governance;
using Agora.Protocol.Modules;
using Agora.Protocol.Subnets;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Governance;

/// <summary>Launches an approved proposal's subnet at the lowest free netuid, replacing a subnet first when all slots are taken.</summary>
internal static class SubnetLauncher
{
    /// <summary>Launches; null on success with <paramref name="events"/> set, else the error (nothing written).</summary>
    public static CallError? Launch(StateOverlay state, Proposal proposal, ulong now, ChainParameters parameters, out List<RuntimeEvent> events)
    {
        events = [];
        var lockState = SubnetState.Lock(state);
        if (lockState.LaunchBlockedUntil(now, parameters) is { } nextLaunch)
        {
            return GovernanceError.LaunchRateLimited.Because($"a subnet launched at block {lockState.LastLaunchBlock}; the next may launch from block {nextLaunch}");
        }

        ushort? replaced = null;
        if (SubnetLifecycle.Count(state) >= parameters.SubnetCountMax)
        {
            replaced = proposal.ReplacesNetuid is { } named && SubnetState.Exists(state, named)
                ? named
                : SubnetLifecycle.ReplacementCandidate(state, now, parameters);
            if (replaced is null)
            {
                return GovernanceError.NoSubnetToReplace.Because(
                    $"all {parameters.SubnetCountMax} subnet slots are taken and none is past its immunity; vote again later");
            }
        }

        if (replaced is { } target)
        {
            events.Add(SubnetLifecycle.Deregister(state, target, DeregistrationReason.ReplacedByProposal, now, parameters));
        }

        var netuid = SubnetLifecycle.LowestFreeNetuid(state);
        var hyperparameters = parameters.SubnetDefaults;
        foreach (var entry in proposal.Overrides)
        {
            hyperparameters = hyperparameters.With(entry.Parameter, entry.Value);
        }

        SubnetState.SetInfo(state, netuid, new SubnetInfo(proposal.SubnetName, proposal.Description, proposal.Proposer, proposal.OwnerHotkey, proposal.Lock, now));
        SubnetState.SetHyperparameters(state, netuid, hyperparameters);
        SubnetState.SetEconomy(state, netuid, SubnetEconomy.Empty);
        SubnetState.SetLock(state, new LockState(proposal.Lock, now, true));
        events.Add(new SubnetLaunched(netuid, proposal.Id, proposal.Proposer, proposal.OwnerHotkey, proposal.SubnetName, proposal.Lock));
        return null;
    }
}
