using System.Text;
using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Governance;
using Agora.Protocol.Modules;
using Agora.Protocol.Subnets;
using Agora.Protocol.Transactions;
using Agora.Runtime.Execution;
using Agora.Runtime.Modules.Balances;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Modules.Governance;

/// <summary>Executes <see cref="ProposeSubnetCall"/>: checks the proposal, reserves the lock cost, opens the vote.</summary>
public sealed class ProposeSubnetHandler : CallHandler<ProposeSubnetCall>
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.ProposeSubnet;

    /// <inheritdoc />
    public override ModuleId Module => ModuleId.Governance;

    /// <inheritdoc />
    protected override CallError? CheckStateless(ProposeSubnetCall call, AccountId sender, BlockContext context)
    {
        var name = call.SubnetName;
        if (name.Length == 0 || name.Length > GovernanceLimits.NameBytesMax || name.Any(c => c is < ' ' or > '~') || name.Trim() != name)
        {
            return GovernanceError.InvalidName.Because(
                $"subnet name \"{name}\" must be 1–{GovernanceLimits.NameBytesMax} printable ASCII characters without leading or trailing spaces");
        }

        if (Encoding.UTF8.GetByteCount(call.Description) > GovernanceLimits.DescriptionBytesMax)
        {
            return GovernanceError.DescriptionTooLong.Because($"the description is longer than {GovernanceLimits.DescriptionBytesMax} bytes");
        }

        return CheckOverrides(call.Overrides, context.Parameters.SubnetDefaults) is { } invalid ? GovernanceError.InvalidOverride.Because(invalid) : null;
    }

    /// <inheritdoc />
    protected override Rao PayerSpendMax(ProposeSubnetCall call, AccountId sender, IStateReader state, BlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SubnetState.Lock(state).CostAt(context.Number, context.Parameters);
    }

    /// <inheritdoc />
    protected override CallError? Execute(ProposeSubnetCall call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        var proposer = context.Sender;
        var parameters = context.Block.Parameters;
        var now = context.Block.Number;
        if (call.OwnerHotkey != proposer && StakingState.Hotkey(state, call.OwnerHotkey)?.Owner != proposer)
        {
            return GovernanceError.OwnerHotkeyNotOwned.Because($"owner hotkey {call.OwnerHotkey} is neither {proposer} nor a hotkey it owns");
        }

        var pending = GovernanceState.Pending(state).Count();
        if (pending >= GovernanceLimits.PendingProposalCountMax)
        {
            return GovernanceError.TooManyPendingProposals.Because($"{pending} proposals are pending, the most the chain holds; wait for one to be decided");
        }

        var lockState = SubnetState.Lock(state);
        if (lockState.LaunchBlockedUntil(now, parameters) is { } nextLaunch)
        {
            return GovernanceError.LaunchRateLimited.Because($"a subnet launched at block {lockState.LastLaunchBlock}; the next may be proposed from block {nextLaunch}");
        }

        ushort? replaces = null;
        if (SubnetLifecycle.Count(state) >= parameters.SubnetCountMax)
        {
            replaces = SubnetLifecycle.ReplacementCandidate(state, now, parameters);
            if (replaces is null)
            {
                return GovernanceError.NoSubnetToReplace.Because(
                    $"all {parameters.SubnetCountMax} subnet slots are taken and none is past its {parameters.SubnetImmunityBlocks}-block immunity");
            }
        }

        var lockCost = lockState.CostAt(now, parameters);
        var account = state.GetAccount(proposer);
        if (account.Free < lockCost)
        {
            return GovernanceError.InsufficientBalanceForLock.Because(
                $"{proposer} has {account.Free.ToTaoString()} TAO free after the fee but the lock cost is {lockCost.ToTaoString()} TAO");
        }

        var id = state.GetU64(GovernanceKeys.NextProposalId);
        state.SetU64(GovernanceKeys.NextProposalId, checked(id + 1));
        Reserves.Reserve(state, proposer, lockCost);
        var endBlock = now + parameters.ProposalVotingWindowBlocks;
        GovernanceState.Save(state, new Proposal(id, proposer, call.SubnetName, call.Description, call.OwnerHotkey, call.Overrides, lockCost,
            replaces, now, endBlock, ProposalStatus.Pending, [], [], Rao.Zero, Rao.Zero, null, 0));
        events.Add(new SubnetProposed(id, proposer, call.SubnetName, lockCost, endBlock, replaces));
        return null;
    }

    /// <summary>Null when every override names a known hyperparameter once, within its bounds, and the set stays consistent.</summary>
    internal static string? CheckOverrides(IReadOnlyList<HyperparameterOverride> overrides, SubnetHyperparameters defaults)
    {
        var values = defaults;
        var seen = new bool[Hyperparameters.Definitions.Count];
        foreach (var entry in overrides)
        {
            if (!Hyperparameters.IsKnown(entry.Parameter))
            {
                return $"hyperparameter id {(byte)entry.Parameter} is not known to this runtime";
            }

            var definition = Hyperparameters.Describe(entry.Parameter);
            if (seen[(int)entry.Parameter])
            {
                return $"{definition.Name} is given twice";
            }

            seen[(int)entry.Parameter] = true;
            if (!definition.Accepts(entry.Value))
            {
                return $"{definition.Name} = {definition.Render(entry.Value)} is outside {definition.BoundsText}";
            }

            values = values.With(entry.Parameter, entry.Value);
        }

        return HyperparameterConsistency.Check(values);
    }
}
