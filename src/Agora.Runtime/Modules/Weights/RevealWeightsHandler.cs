using System.Collections.Immutable;
using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;
using Agora.Protocol.Subnets;
using Agora.Protocol.Transactions;
using Agora.Protocol.Weights;
using Agora.Runtime.Execution;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Weights;

/// <summary>
/// Executes <see cref="RevealWeightsCall"/>: the revealed weights must hash (<see cref="WeightsCommitment"/>) to one of
/// the hotkey's pending commits, arrive in that commit's <see cref="RevealWindow"/>, and pass every
/// <see cref="WeightsChecks"/> check now; then they are stored as <c>set_weights</c> stores them, and the commit (with
/// any whose window has passed) leaves the pending list.
/// </summary>
public sealed class RevealWeightsHandler : CallHandler<RevealWeightsCall>
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.RevealWeights;

    /// <inheritdoc />
    public override ModuleId Module => ModuleId.Weights;

    /// <inheritdoc />
    public override CallSigner Signer => CallSigner.Hotkey;

    /// <inheritdoc />
    protected override CallError? CheckStateless(RevealWeightsCall call, AccountId sender, BlockContext context) =>
        WeightsChecks.CheckStateless(call.Uids.AsSpan(), call.Weights.AsSpan()) ?? CheckSalt(call);

    /// <inheritdoc />
    protected override CallError? Execute(RevealWeightsCall call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events)
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

        if (CheckSalt(call) is { } badSalt)
        {
            return badSalt;
        }

        var hash = WeightsCommitment.Hash(hotkey, call.Netuid, call.Uids.AsSpan(), call.Weights.AsSpan(), call.Salt.Span, call.VersionKey);
        var pending = WeightsState.Commits(state, call.Netuid, hotkey).Commits;
        if (pending.IsEmpty)
        {
            return WeightsError.NoCommit.Because($"hotkey {hotkey} has no pending commit on subnet {call.Netuid}; commit first with `agora weights commit --netuid {call.Netuid}`");
        }

        var match = IndexOf(pending, hash);
        if (match < 0)
        {
            return WeightsError.RevealMismatch.Because(
                $"the revealed uids, weights, salt and version key hash to {hash}, which is none of hotkey {hotkey}'s {pending.Length} pending commits on subnet {call.Netuid}; reveal exactly what was committed");
        }

        var (tempo, period) = (hyperparameters.Tempo, hyperparameters[HyperparameterId.CommitRevealPeriod]);
        var nowIndex = EpochSchedule.EpochIndex(now, call.Netuid, tempo);
        var window = RevealWindow.Of(pending[match].EpochIndex, call.Netuid, tempo, period);
        if (window.IsAhead(nowIndex))
        {
            return WeightsError.RevealTooEarly.Because($"commit {hash} (block {pending[match].CommitBlock}) may be revealed from block {window.FirstBlock} to block {window.LastBlock}; this is block {now}");
        }

        if (window.HasPassed(nowIndex))
        {
            return WeightsError.RevealExpired.Because(
                $"commit {hash} (block {pending[match].CommitBlock}) could be revealed until block {window.LastBlock}; this is block {now}: commit again (the next commit drops the expired one)");
        }

        if (WeightsChecks.Check(state, call.Netuid, uid, hyperparameters, call.Uids.AsSpan(), call.Weights.AsSpan(), call.VersionKey, now) is { } invalid)
        {
            return invalid;
        }

        AcceptedWeights.Store(state, call.Netuid, uid, call.Uids.AsSpan(), call.Weights.AsSpan(), now);
        var remaining = pending.RemoveAt(match).RemoveAll(commit => RevealWindow.Of(commit.EpochIndex, call.Netuid, tempo, period).HasPassed(nowIndex));
        WeightsState.SetCommits(state, call.Netuid, hotkey, new PendingCommits(remaining));
        events.Add(new WeightsRevealed(call.Netuid, uid, hotkey, hash));
        return null;
    }

    private static int IndexOf(ImmutableArray<WeightCommit> commits, Hash256 hash)
    {
        for (var i = 0; i < commits.Length; i++)
        {
            if (commits[i].Hash == hash)
            {
                return i;
            }
        }

        return -1;
    }

    // A longer salt has no canonical encoding, so it can match no commit.
    private static CallError? CheckSalt(RevealWeightsCall call) =>
        call.Salt.Length > WeightsCommitment.SaltBytesMax
            ? WeightsError.RevealMismatch.Because($"the salt has {call.Salt.Length} bytes; a commitment's salt has at most {WeightsCommitment.SaltBytesMax}, so it matches no commit")
            : null;
}
