using Agora.Protocol.Modules;
using Agora.Protocol.Subnets;
using Agora.Protocol.Weights;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Subnets;
using Agora.Storage;

namespace Agora.Runtime.Modules.Weights;

/// <summary>
/// The checks <c>set_weights</c> and <c>reveal_weights</c> share (DESIGN §3, §4a), in the order they apply: equal
/// lengths, no duplicate uid, every uid in use, not all zero, version key, validator permit unless the weights are
/// a self-weight only, <c>min_allowed_weights</c>, <c>max_weight_limit</c>, <c>weights_rate_limit</c>.
/// </summary>
public static class WeightsChecks
{
    /// <summary>The checks that need no state: lengths, duplicates, uids below the largest subnet's size, not all zero.</summary>
    public static CallError? CheckStateless(ReadOnlySpan<ushort> uids, ReadOnlySpan<ushort> weights) =>
        CheckShape(uids, weights)
        ?? CheckUidsBelow(uids, SparseU16Row.EntriesMax, $"no subnet has more than {SparseU16Row.EntriesMax} uids")
        ?? CheckNotAllZero(weights);

    /// <summary>
    /// Every weights check against <paramref name="state"/> for the weights of <paramref name="signerUid"/> on
    /// <paramref name="netuid"/> in block <paramref name="now"/>. Null when the weights may be stored.
    /// </summary>
    public static CallError? Check(
        IStateReader state, ushort netuid, ushort signerUid, SubnetHyperparameters hyperparameters,
        ReadOnlySpan<ushort> uids, ReadOnlySpan<ushort> weights, ulong versionKey, ulong now)
    {
        ArgumentNullException.ThrowIfNull(hyperparameters);
        var count = NeuronState.Count(state, netuid);
        var invalid = CheckShape(uids, weights)
            ?? CheckUidsBelow(uids, count, $"subnet {netuid} has {count} uids; see `agora metagraph show --netuid {netuid}`")
            ?? CheckNotAllZero(weights);
        if (invalid is not null)
        {
            return invalid;
        }

        var weightsVersion = hyperparameters[HyperparameterId.WeightsVersion];
        if (versionKey < weightsVersion)
        {
            return WeightsError.VersionKeyTooLow.Because($"version key {versionKey} is below subnet {netuid}'s weights_version {weightsVersion}; update the validator");
        }

        var nonZero = CountNonZero(weights);
        var selfWeightOnly = nonZero == 1 && uids[weights.IndexOfAnyExcept((ushort)0)] == signerUid;
        if (!selfWeightOnly && !EpochState.HasValidatorPermit(state, netuid, signerUid))
        {
            return WeightsError.NoValidatorPermit.Because(
                $"uid {signerUid} holds no validator permit from subnet {netuid}'s last epoch; only a weight on itself alone needs none (permits go to the top max_allowed_validators by stake at each epoch)");
        }

        // As the reference chain: a subnet smaller than min_allowed_weights asks for a weight on every uid, no more.
        var minimum = hyperparameters[HyperparameterId.MinAllowedWeights] < count ? hyperparameters[HyperparameterId.MinAllowedWeights] : count;
        if (!selfWeightOnly && (ulong)nonZero < minimum)
        {
            return WeightsError.TooFewWeights.Because($"{nonZero} non-zero weights; subnet {netuid} asks for at least {minimum} (min_allowed_weights)");
        }

        if (!selfWeightOnly && CheckWeightLimit(uids, weights, hyperparameters[HyperparameterId.MaxWeightLimit], netuid) is { } aboveLimit)
        {
            return aboveLimit;
        }

        var lastUpdate = WeightsState.LastUpdate(state, netuid, signerUid);
        var rateLimit = hyperparameters[HyperparameterId.WeightsRateLimit];
        if (now - lastUpdate < rateLimit)
        {
            return WeightsError.RateLimited.Because(
                $"uid {signerUid} last set weights (or registered) at block {lastUpdate}; subnet {netuid} allows weights every {rateLimit} blocks, so wait until block {lastUpdate + rateLimit}");
        }

        return null;
    }

    private static CallError? CheckShape(ReadOnlySpan<ushort> uids, ReadOnlySpan<ushort> weights)
    {
        if (uids.Length != weights.Length)
        {
            return WeightsError.LengthMismatch.Because($"{uids.Length} uids but {weights.Length} weights; give one weight per uid");
        }

        var sorted = uids.ToArray();
        Array.Sort(sorted);
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1])
            {
                return WeightsError.DuplicateUid.Because($"uid {sorted[i]} appears more than once; give each uid one weight");
            }
        }

        return null;
    }

    private static CallError? CheckUidsBelow(ReadOnlySpan<ushort> uids, int limit, string why)
    {
        foreach (var uid in uids)
        {
            if (uid >= limit)
            {
                return WeightsError.UnknownUid.Because($"uid {uid} is not in use: {why}");
            }
        }

        return null;
    }

    private static CallError? CheckNotAllZero(ReadOnlySpan<ushort> weights) =>
        CountNonZero(weights) == 0
            ? WeightsError.AllWeightsZero.Because(weights.IsEmpty ? "no weights given; give at least one non-zero weight" : $"all {weights.Length} weights are zero; give at least one non-zero weight")
            : null;

    private static CallError? CheckWeightLimit(ReadOnlySpan<ushort> uids, ReadOnlySpan<ushort> weights, ulong limit, ushort netuid)
    {
        var normalised = WeightsNormalisation.ToSum(weights);
        for (var i = 0; i < normalised.Length; i++)
        {
            if (normalised[i] > limit)
            {
                return WeightsError.WeightAboveLimit.Because(
                    $"the weight on uid {uids[i]} is {normalised[i]} of 65535 after normalising to sum 65535; subnet {netuid}'s max_weight_limit is {limit}: spread weight over more uids");
            }
        }

        return null;
    }

    private static int CountNonZero(ReadOnlySpan<ushort> weights) => weights.Length - weights.Count((ushort)0);
}
