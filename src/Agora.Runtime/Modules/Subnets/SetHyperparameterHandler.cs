using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;
using Agora.Protocol.Subnets;
using Agora.Protocol.Transactions;
using Agora.Runtime.Execution;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Subnets;

/// <summary>Executes <see cref="SetHyperparameterCall"/>.</summary>
public sealed class SetHyperparameterHandler : CallHandler<SetHyperparameterCall>
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.SetHyperparameter;

    /// <inheritdoc />
    public override ModuleId Module => ModuleId.Subnets;

    /// <inheritdoc />
    protected override CallError? CheckStateless(SetHyperparameterCall call, AccountId sender, BlockContext context)
    {
        if (!Hyperparameters.IsKnown(call.Parameter))
        {
            return SubnetsError.UnknownHyperparameter.Because($"hyperparameter id {(byte)call.Parameter} is not known to this runtime");
        }

        var definition = Hyperparameters.Describe(call.Parameter);
        return definition.Accepts(call.Value)
            ? null
            : SubnetsError.ValueOutOfBounds.Because($"{definition.Name} = {definition.Render(call.Value)} is outside {definition.BoundsText}");
    }

    /// <inheritdoc />
    protected override CallError? Execute(SetHyperparameterCall call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        if (call.Netuid == SubnetState.RootNetuid)
        {
            return SubnetsError.RootHasNoHyperparameters.Because("the root subnet (netuid 0) has no hyperparameters");
        }

        var info = SubnetState.Info(state, call.Netuid);
        var values = SubnetState.HyperparametersOf(state, call.Netuid);
        if (info is null || values is null)
        {
            return SubnetsError.SubnetNotFound.Because($"no subnet has netuid {call.Netuid}; see `agora subnets list`");
        }

        var definition = Hyperparameters.Describe(call.Parameter);
        var isSudo = state.Get(StateKeys.SudoKey) is { } sudo && sudo.AsSpan().SequenceEqual(context.Sender.Bytes);
        if (!isSudo && info.Owner != context.Sender)
        {
            return SubnetsError.NotSubnetOwner.Because($"{context.Sender} does not own subnet {call.Netuid} (its owner is {info.Owner})");
        }

        if (!isSudo && !definition.OwnerSettable)
        {
            return SubnetsError.NotOwnerSettable.Because($"{definition.Name} is set by the chain, not by the subnet owner");
        }

        var updated = values.With(call.Parameter, call.Value);
        if (HyperparameterConsistency.Check(updated) is { } inconsistent)
        {
            return SubnetsError.ValueOutOfBounds.Because(inconsistent);
        }

        SubnetState.SetHyperparameters(state, call.Netuid, updated);
        events.Add(new HyperparameterSet(call.Netuid, call.Parameter, values[call.Parameter], call.Value, context.Sender));
        return null;
    }
}
