using System.Security.Cryptography;
using Agora.Core.Crypto;
using Agora.Protocol.Transactions;
using Agora.Protocol.Weights;
using Agora.Sdk.Metagraph;
using Microsoft.Extensions.Logging;

namespace Agora.Sdk.Subnets;

/// <summary>When and how the validator host submits weights (docs/weights.md).</summary>
public sealed partial class ValidatorHost<TRequest, TResponse>
{
    /// <summary>Salt length of a commitment: 32 random bytes, as docs/weights.md advises.</summary>
    private const int SaltBytes = 32;

    private ulong? _lastWeightsBlock;
    private PendingReveal? _pendingReveal;

    /// <summary>
    /// Reveals a pending commit once its window opens, otherwise sets or commits weights when
    /// <see cref="ValidatorHostOptions.WeightsIntervalBlocks"/> have passed. A transaction sent now lands in the next
    /// block at the earliest, so windows and rate limits are judged for that block. Returns the call sent, or null.
    /// </summary>
    private async Task<string?> SubmitWeightsIfDueAsync(KeyPair hotkey, MetagraphSnapshot snapshot, ushort self, CancellationToken cancellationToken)
    {
        if (await _transactions.IsBusyAsync(hotkey, cancellationToken))
        {
            return null;
        }

        var rules = SubnetWeightRules.From(await _chain.GetHyperparametersAsync(_options.Netuid, cancellationToken));
        var next = snapshot.Block + 1;
        if (rules.CommitRevealEnabled && _pendingReveal is { } pending)
        {
            return await RevealIfOpenAsync(hotkey, pending, snapshot.Block, cancellationToken);
        }

        var interval = _options.WeightsIntervalBlocks > 0 ? _options.WeightsIntervalBlocks : rules.Tempo + 1;
        if (_lastWeightsBlock is { } last && next < last + interval)
        {
            return null;
        }

        if (Waiting(snapshot, self, rules, next) is { } reason)
        {
            _logger.WeightsWaiting(reason);
            return null;
        }

        var weights = WeightNormalizer.Normalize(_scores.Scores, rules.MaxWeightLimit, rules.MinAllowedWeights);
        if (!rules.CommitRevealEnabled)
        {
            var set = new SetWeightsCall(_options.Netuid, weights.Uids, weights.Weights, rules.WeightsVersion);
            return await SendAsync(hotkey, set, "set_weights", snapshot.Block, weights, cancellationToken);
        }

        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = WeightsCommitment.Hash(hotkey.Account, _options.Netuid, weights.Uids.AsSpan(), weights.Weights.AsSpan(), salt, rules.WeightsVersion);
        var action = await SendAsync(hotkey, new CommitWeightsCall(_options.Netuid, hash), "commit_weights", snapshot.Block, weights, cancellationToken);
        if (action is not null)
        {
            _pendingReveal = new PendingReveal(hash, weights, salt, rules.WeightsVersion, snapshot.Block);
        }

        return action;
    }

    private async Task<string?> RevealIfOpenAsync(KeyPair hotkey, PendingReveal pending, ulong best, CancellationToken cancellationToken)
    {
        // The commit's transaction is included (the sender is not busy); a commit the chain does not list failed at block time.
        var commits = await _chain.GetCommitsAsync(_options.Netuid, cancellationToken);
        var commit = commits.FirstOrDefault(c => c.Hotkey == hotkey.Account && c.Hash == pending.Hash);
        if (commit is null)
        {
            _pendingReveal = null;
            _lastWeightsBlock = null;
            return null;
        }

        var next = best + 1;
        if (next < commit.FirstRevealBlock)
        {
            return null;
        }

        if (next > commit.LastRevealBlock)
        {
            _logger.RevealMissed(pending.Hash.ToString(), commit.FirstRevealBlock, commit.LastRevealBlock);
            _pendingReveal = null;
            _lastWeightsBlock = null;
            return null;
        }

        var weights = pending.Weights;
        var reveal = new RevealWeightsCall(_options.Netuid, weights.Uids, weights.Weights, pending.Salt, pending.VersionKey);
        var action = await SendAsync(hotkey, reveal, "reveal_weights", best, weights, cancellationToken);
        if (action is not null)
        {
            _pendingReveal = null;
        }

        return action;
    }

    /// <summary>Why weights cannot be set for block <paramref name="next"/>, or null when they can.</summary>
    private string? Waiting(MetagraphSnapshot snapshot, ushort self, SubnetWeightRules rules, ulong next)
    {
        if (!snapshot.ValidatorPermit[self])
        {
            return $"uid {self} holds no validator permit yet; the subnet's next epoch gives permits to its top stakes";
        }

        if (!rules.CommitRevealEnabled && next - snapshot.LastUpdate[self] < rules.WeightsRateLimit)
        {
            return $"weights_rate_limit is {rules.WeightsRateLimit} blocks and uid {self} last set weights in block {snapshot.LastUpdate[self]}";
        }

        return _scores.Scores.All(s => s <= 0) ? "no miner has scored above zero yet" : null;
    }

    private async Task<string?> SendAsync(KeyPair hotkey, Call call, string action, ulong best, NormalizedWeights weights, CancellationToken cancellationToken)
    {
        if (await _transactions.SubmitAsync(hotkey, call, action, cancellationToken) is not { } hash)
        {
            return null;
        }

        _lastWeightsBlock = best;
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.WeightsSubmitted(action, _options.Netuid, best, string.Join(',', weights.Uids), string.Join(',', weights.Weights), hash);
        }

        return action;
    }
}
