using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;
using Agora.Protocol.Transactions;
using Agora.Protocol.Weights;
using Agora.Runtime.Execution;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Weights;

/// <summary>
/// Executes <see cref="SetWeightsCall"/>: on a subnet with commit-reveal off, a registered hotkey's weights pass
/// <see cref="WeightsChecks"/> and replace its row, max-upscaled.
/// </summary>
public sealed class SetWeightsHandler : CallHandler<SetWeightsCall>
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.SetWeights;

    /// <inheritdoc />
    public override ModuleId Module => ModuleId.Weights;

    /// <inheritdoc />
    public override CallSigner Signer => CallSigner.Hotkey;

    /// <inheritdoc />
    protected override CallError? CheckStateless(SetWeightsCall call, AccountId sender, BlockContext context) =>
        WeightsChecks.CheckStateless(call.Uids.AsSpan(), call.Weights.AsSpan());

    /// <inheritdoc />
    protected override CallError? Execute(SetWeightsCall call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        var hotkey = context.Sender;
        var now = context.Block.Number;
        if (WeightsPreconditions.Subnet(state, call.Netuid) is not { } hyperparameters)
        {
            return WeightsPreconditions.SubnetNotFound(call.Netuid);
        }

        if (NeuronState.UidOf(state, call.Netuid, hotkey) is not { } uid)
        {
            return WeightsPreconditions.NotRegistered(hotkey, call.Netuid);
        }

        if (WeightsPreconditions.CommitRevealEnabled(hyperparameters))
        {
            return WeightsError.CommitRevealEnabled.Because(
                $"subnet {call.Netuid} has commit-reveal on: commit with `agora weights commit --netuid {call.Netuid}`, then reveal with `agora weights reveal --netuid {call.Netuid}` in the window the commit names");
        }

        if (WeightsChecks.Check(state, call.Netuid, uid, hyperparameters, call.Uids.AsSpan(), call.Weights.AsSpan(), call.VersionKey, now) is { } invalid)
        {
            return invalid;
        }

        var row = AcceptedWeights.Store(state, call.Netuid, uid, call.Uids.AsSpan(), call.Weights.AsSpan(), now);
        events.Add(new WeightsSet(call.Netuid, uid, hotkey, (ushort)row.Entries.Length));
        return null;
    }
}
