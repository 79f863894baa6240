using Agora.Protocol.Events;
using Agora.Protocol.Modules;
using Agora.Protocol.Subnets;
using Agora.Protocol.Transactions;
using Agora.Protocol.Weights;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Weights;

/// <summary>
/// Executes <see cref="CommitWeightsCall"/>: a registered hotkey with a validator permit adds a commit to its pending
/// list on a subnet with commit-reveal on, at most one per <c>weights_rate_limit</c> blocks and
/// <see cref="PendingCommits.CountMax"/> pending; commits whose reveal window has passed are dropped first.
/// </summary>
public sealed class CommitWeightsHandler : CallHandler<CommitWeightsCall>
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.CommitWeights;

    /// <inheritdoc />
    public override ModuleId Module => ModuleId.Weights;

    /// <inheritdoc />
    public override CallSigner Signer => CallSigner.Hotkey;

    /// <inheritdoc />
    protected override CallError? Execute(CommitWeightsCall call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        var hotkey = context.Sender;
        var now = context.Block.Number;
        if (WeightsPreconditions.Subnet(state, call.Netuid) is not { } hyperparameters)
        {
            return WeightsPreconditions.SubnetNotFound(call.Netuid);
        }

        if (!WeightsPreconditions.CommitRevealEnabled(hyperparameters))
        {
            return WeightsError.CommitRevealDisabled.Because($"subnet {call.Netuid} has commit-reveal off: set weights directly with `agora weights set --netuid {call.Netuid}`");
        }

        if (NeuronState.UidOf(state, call.Netuid, hotkey) is not { } uid)
        {
            return WeightsPreconditions.NotRegistered(hotkey, call.Netuid);
        }

        if (!EpochState.HasValidatorPermit(state, call.Netuid, uid))
        {
            return WeightsError.NoValidatorPermit.Because(
                $"uid {uid} holds no validator permit from subnet {call.Netuid}'s last epoch, and a commit needs one (permits go to the top max_allowed_validators by stake at each epoch)");
        }

        var pending = WeightsState.Commits(state, call.Netuid, hotkey).Commits;
        var rateLimit = hyperparameters[HyperparameterId.WeightsRateLimit];
        if (!pending.IsEmpty && now - pending[^1].CommitBlock < rateLimit)
        {
            return WeightsError.RateLimited.Because(
                $"hotkey {hotkey} last committed at block {pending[^1].CommitBlock}; subnet {call.Netuid} allows a commit every {rateLimit} blocks, so wait until block {pending[^1].CommitBlock + rateLimit}");
        }

        var (tempo, period) = (hyperparameters.Tempo, hyperparameters[HyperparameterId.CommitRevealPeriod]);
        var nowIndex = EpochSchedule.EpochIndex(now, call.Netuid, tempo);
        var live = pending.RemoveAll(commit => RevealWindow.Of(commit.EpochIndex, call.Netuid, tempo, period).HasPassed(nowIndex));
        if (live.Length >= PendingCommits.CountMax)
        {
            var oldest = RevealWindow.Of(live[0].EpochIndex, call.Netuid, tempo, period);
            return WeightsError.TooManyPendingCommits.Because(
                $"hotkey {hotkey} has {live.Length} commits pending on subnet {call.Netuid}, the most allowed; reveal them, or wait until the oldest expires after block {oldest.LastBlock}");
        }

        if (live.Any(commit => commit.Hash == call.Hash))
        {
            return WeightsError.DuplicateCommit.Because($"hash {call.Hash} is pending already; reveal it, or commit with a fresh salt");
        }

        WeightsState.SetCommits(state, call.Netuid, hotkey, new PendingCommits(live.Add(new WeightCommit(call.Hash, now, nowIndex))));
        var window = RevealWindow.Of(nowIndex, call.Netuid, tempo, period);
        events.Add(new WeightsCommitted(call.Netuid, hotkey, call.Hash, window.FirstBlock, window.LastBlock));
        return null;
    }
}
