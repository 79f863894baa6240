using System.Collections.Immutable;
using Agora.Core.Primitives;
using Agora.Protocol.Subnets;
using Agora.Protocol.Weights;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Weights;

namespace Agora.Runtime.Tests.Weights;

public sealed class CommitRevealTests
{
    private static readonly ImmutableArray<ushort> Uids = [1, 2, 3];
    private static readonly ImmutableArray<ushort> Values = [10, 20, 40];
    private static readonly byte[] Salt = "pepper"u8.ToArray();

    [Fact]
    public void A_commit_revealed_in_the_epoch_after_its_own_stores_the_weights_and_leaves_the_pending_list()
    {
        using var subnet = WeightsSubnet.Create(commitReveal: true);
        subnet.Permit(0);
        var commitBlock = StartOfNextEpoch(subnet) + 3;
        var (first, last) = WindowAfter(subnet, commitBlock);

        subnet.NextBlockIs(commitBlock);
        var committed = subnet.Run(0, new CommitWeightsCall(subnet.Netuid, HashOf(subnet, 0)));
        subnet.NextBlockIs(first);
        var revealed = subnet.Run(0, Reveal(subnet));

        Assert.Contains(new WeightsCommitted(subnet.Netuid, subnet.Hotkeys[0].Account, HashOf(subnet, 0), first, last), committed);
        Assert.Equal(first + subnet.Tempo, last);
        Assert.Contains(new WeightsRevealed(subnet.Netuid, 0, subnet.Hotkeys[0].Account, HashOf(subnet, 0)), revealed);
        Assert.Equal([(1, 16_383), (2, 32_767), (3, 65_535)], WeightsState.Row(subnet.Chain.State, subnet.Netuid, 0).Entries.Select(e => ((int)e.Uid, (int)e.Value)));
        Assert.Equal(first, WeightsState.LastUpdate(subnet.Chain.State, subnet.Netuid, 0));
        Assert.True(WeightsState.Commits(subnet.Chain.State, subnet.Netuid, subnet.Hotkeys[0].Account).Commits.IsEmpty);
        Assert.Equal(0, subnet.Chain.InvariantGap());
    }

    [Fact]
    public void The_last_block_of_the_window_still_reveals_and_the_stored_commit_names_its_epoch_index()
    {
        using var subnet = WeightsSubnet.Create(commitReveal: true);
        subnet.Permit(0);
        var commitBlock = StartOfNextEpoch(subnet);
        var (_, last) = WindowAfter(subnet, commitBlock);

        subnet.NextBlockIs(commitBlock);
        subnet.Run(0, new CommitWeightsCall(subnet.Netuid, HashOf(subnet, 0)));
        var stored = WeightsState.Commits(subnet.Chain.State, subnet.Netuid, subnet.Hotkeys[0].Account).Commits.Single();
        subnet.NextBlockIs(last);
        subnet.Run(0, Reveal(subnet));

        Assert.Equal(new WeightCommit(HashOf(subnet, 0), commitBlock, EpochSchedule.EpochIndex(commitBlock, subnet.Netuid, subnet.Tempo)), stored);
    }

    [Fact]
    public void A_reveal_in_the_commits_own_epoch_is_too_early()
    {
        using var subnet = WeightsSubnet.Create(commitReveal: true);
        subnet.Permit(0);
        var commitBlock = StartOfNextEpoch(subnet);
        var (first, _) = WindowAfter(subnet, commitBlock);
        subnet.NextBlockIs(commitBlock);
        subnet.Run(0, new CommitWeightsCall(subnet.Netuid, HashOf(subnet, 0)));

        subnet.NextBlockIs(first - 1);
        subnet.Fails(subnet.Hotkeys[0], Reveal(subnet), WeightsError.RevealTooEarly);

        Assert.Single(WeightsState.Commits(subnet.Chain.State, subnet.Netuid, subnet.Hotkeys[0].Account).Commits);
    }

    [Fact]
    public void A_reveal_after_the_window_is_expired()
    {
        using var subnet = WeightsSubnet.Create(commitReveal: true);
        subnet.Permit(0);
        var commitBlock = StartOfNextEpoch(subnet);
        var (_, last) = WindowAfter(subnet, commitBlock);
        subnet.NextBlockIs(commitBlock);
        subnet.Run(0, new CommitWeightsCall(subnet.Netuid, HashOf(subnet, 0)));

        subnet.NextBlockIs(last + 1);
        subnet.Fails(subnet.Hotkeys[0], Reveal(subnet), WeightsError.RevealExpired);
    }

    [Fact]
    public void A_reveal_that_matches_no_commit_or_has_no_commit_fails_with_its_own_error()
    {
        using var subnet = WeightsSubnet.Create(commitReveal: true);
        subnet.Permit(0);
        subnet.Permit(1);
        var commitBlock = StartOfNextEpoch(subnet);
        var (first, _) = WindowAfter(subnet, commitBlock);
        subnet.NextBlockIs(commitBlock);
        subnet.Run(0, new CommitWeightsCall(subnet.Netuid, HashOf(subnet, 0)));
        subnet.NextBlockIs(first);

        subnet.Fails(subnet.Hotkeys[0], Reveal(subnet, salt: "salt"u8.ToArray()), WeightsError.RevealMismatch);
        subnet.Fails(subnet.Hotkeys[0], Reveal(subnet, versionKey: 1), WeightsError.RevealMismatch);
        subnet.Fails(subnet.Hotkeys[1], Reveal(subnet), WeightsError.NoCommit);
    }

    [Fact]
    public void A_reveal_applies_every_set_weights_check_at_reveal_time()
    {
        using var subnet = WeightsSubnet.Create(commitReveal: true);
        subnet.Permit(0);
        var commitBlock = StartOfNextEpoch(subnet);
        var (first, _) = WindowAfter(subnet, commitBlock);
        subnet.NextBlockIs(commitBlock);
        subnet.Run(0, new CommitWeightsCall(subnet.Netuid, HashOf(subnet, 0)));
        subnet.NextBlockIs(first);

        subnet.Set(HyperparameterId.WeightsVersion, 1);
        subnet.Fails(subnet.Hotkeys[0], Reveal(subnet), WeightsError.VersionKeyTooLow);
        subnet.Set(HyperparameterId.WeightsVersion, 0);
        subnet.Permit(0, false);
        subnet.Fails(subnet.Hotkeys[0], Reveal(subnet), WeightsError.NoValidatorPermit);
        subnet.Permit(0);
        subnet.Set(HyperparameterId.MaxWeightLimit, 30_000);
        subnet.Fails(subnet.Hotkeys[0], Reveal(subnet), WeightsError.WeightAboveLimit);
        subnet.Set(HyperparameterId.MaxWeightLimit, 65_535);
        subnet.Set(HyperparameterId.MinAllowedWeights, 4);
        subnet.Fails(subnet.Hotkeys[0], Reveal(subnet), WeightsError.TooFewWeights);
        subnet.Set(HyperparameterId.MinAllowedWeights, 1);
        subnet.Set(HyperparameterId.WeightsRateLimit, 1_000);
        subnet.Fails(subnet.Hotkeys[0], Reveal(subnet), WeightsError.RateLimited);
        subnet.Set(HyperparameterId.WeightsRateLimit, 1);

        subnet.Run(0, Reveal(subnet));
    }

    [Fact]
    public void Commit_and_reveal_fail_with_their_own_errors_and_change_only_fee_and_nonce()
    {
        using var subnet = WeightsSubnet.Create(commitReveal: true);
        var stranger = subnet.NewOwnedHotkey();
        var (validator, miner) = (subnet.Hotkeys[0], subnet.Hotkeys[1]);
        subnet.Permit(0);
        var hash = HashOf(subnet, 0);

        subnet.Fails(validator, new CommitWeightsCall(0, hash), WeightsError.SubnetNotFound);
        subnet.Fails(validator, new CommitWeightsCall(7, hash), WeightsError.SubnetNotFound);
        subnet.Fails(stranger, new CommitWeightsCall(subnet.Netuid, hash), WeightsError.NotRegistered);
        subnet.Fails(miner, new CommitWeightsCall(subnet.Netuid, hash), WeightsError.NoValidatorPermit);
        subnet.Fails(validator, Reveal(subnet) with { Netuid = 7 }, WeightsError.SubnetNotFound);
        subnet.Fails(stranger, Reveal(subnet), WeightsError.NotRegistered);

        subnet.Set(HyperparameterId.CommitRevealEnabled, 0);
        subnet.Fails(validator, new CommitWeightsCall(subnet.Netuid, hash), WeightsError.CommitRevealDisabled);
        subnet.Fails(validator, Reveal(subnet), WeightsError.CommitRevealDisabled);
    }

    [Fact]
    public void Commits_wait_weights_rate_limit_blocks_after_the_newest_pending_commit()
    {
        using var subnet = WeightsSubnet.Create(commitReveal: true);
        subnet.Permit(0);
        subnet.Set(HyperparameterId.WeightsRateLimit, 3);
        var commitBlock = StartOfNextEpoch(subnet);
        subnet.NextBlockIs(commitBlock);
        subnet.Run(0, new CommitWeightsCall(subnet.Netuid, Hash256.Of("a"u8)));

        subnet.NextBlockIs(commitBlock + 2);
        subnet.Fails(subnet.Hotkeys[0], new CommitWeightsCall(subnet.Netuid, Hash256.Of("b"u8)), WeightsError.RateLimited);
        subnet.Run(0, new CommitWeightsCall(subnet.Netuid, Hash256.Of("b"u8)));

        Assert.Equal(2, WeightsState.Commits(subnet.Chain.State, subnet.Netuid, subnet.Hotkeys[0].Account).Commits.Length);
    }

    [Fact]
    public void The_same_hash_cannot_be_pending_twice()
    {
        using var subnet = WeightsSubnet.Create(commitReveal: true);
        subnet.Permit(0);
        subnet.NextBlockIs(StartOfNextEpoch(subnet));
        subnet.Run(0, new CommitWeightsCall(subnet.Netuid, HashOf(subnet, 0)));

        subnet.Fails(subnet.Hotkeys[0], new CommitWeightsCall(subnet.Netuid, HashOf(subnet, 0)), WeightsError.DuplicateCommit);
    }

    [Fact]
    public void At_most_ten_commits_are_pending_per_hotkey_and_subnet()
    {
        using var subnet = WeightsSubnet.Create(commitReveal: true);
        subnet.Permit(0);
        subnet.NextBlockIs(StartOfNextEpoch(subnet));
        for (var i = 0; i < PendingCommits.CountMax; i++)
        {
            subnet.Run(0, new CommitWeightsCall(subnet.Netuid, Hash256.Of([(byte)i])));
        }

        subnet.Fails(subnet.Hotkeys[0], new CommitWeightsCall(subnet.Netuid, Hash256.Of([0xFF])), WeightsError.TooManyPendingCommits);

        Assert.Equal(PendingCommits.CountMax, WeightsState.Commits(subnet.Chain.State, subnet.Netuid, subnet.Hotkeys[0].Account).Commits.Length);
    }

    [Fact]
    public void A_commit_drops_the_commits_whose_window_has_passed_so_they_count_no_more()
    {
        using var subnet = WeightsSubnet.Create(commitReveal: true);
        subnet.Permit(0);
        var commitBlock = StartOfNextEpoch(subnet);
        subnet.NextBlockIs(commitBlock);
        for (var i = 0; i < PendingCommits.CountMax; i++)
        {
            subnet.Run(0, new CommitWeightsCall(subnet.Netuid, Hash256.Of([(byte)i])));
        }

        var (_, last) = WindowAfter(subnet, commitBlock);
        subnet.NextBlockIs(last + 1);
        subnet.Run(0, new CommitWeightsCall(subnet.Netuid, Hash256.Of("fresh"u8)));

        Assert.Equal([Hash256.Of("fresh"u8)], WeightsState.Commits(subnet.Chain.State, subnet.Netuid, subnet.Hotkeys[0].Account).Commits.Select(c => c.Hash));
    }

    [Fact]
    public void A_successful_reveal_also_drops_expired_commits()
    {
        using var subnet = WeightsSubnet.Create(commitReveal: true);
        subnet.Permit(0);
        var oldBlock = StartOfNextEpoch(subnet);
        subnet.NextBlockIs(oldBlock);
        subnet.Run(0, new CommitWeightsCall(subnet.Netuid, Hash256.Of("stale"u8)));
        var (_, oldLast) = WindowAfter(subnet, oldBlock);
        subnet.NextBlockIs(oldLast);
        subnet.Run(0, new CommitWeightsCall(subnet.Netuid, HashOf(subnet, 0)));

        var (first, _) = WindowAfter(subnet, oldLast);
        subnet.NextBlockIs(first);
        subnet.Run(0, Reveal(subnet));

        Assert.True(WeightsState.Commits(subnet.Chain.State, subnet.Netuid, subnet.Hotkeys[0].Account).Commits.IsEmpty);
    }

    [Fact]
    public void A_salt_longer_than_64_bytes_is_refused_before_inclusion()
    {
        using var subnet = WeightsSubnet.Create(commitReveal: true);
        subnet.Permit(0);

        subnet.Refused(subnet.Hotkeys[0], Reveal(subnet, salt: new byte[WeightsCommitment.SaltBytesMax + 1]), WeightsError.RevealMismatch);
        subnet.Refused(subnet.Hotkeys[0], Reveal(subnet) with { Weights = [1, 2] }, WeightsError.LengthMismatch);
    }

    private static ulong StartOfNextEpoch(WeightsSubnet subnet) =>
        EpochSchedule.FirstBlockOf(EpochSchedule.EpochIndex(subnet.Chain.BestNumber, subnet.Netuid, subnet.Tempo) + 1, subnet.Netuid, subnet.Tempo);

    private static (ulong First, ulong Last) WindowAfter(WeightsSubnet subnet, ulong commitBlock)
    {
        var index = EpochSchedule.EpochIndex(commitBlock, subnet.Netuid, subnet.Tempo) + 1;
        return (EpochSchedule.FirstBlockOf(index, subnet.Netuid, subnet.Tempo), EpochSchedule.LastBlockOf(index, subnet.Netuid, subnet.Tempo));
    }

    private static Hash256 HashOf(WeightsSubnet subnet, int uid) =>
        WeightsCommitment.Hash(subnet.Hotkeys[uid].Account, subnet.Netuid, Uids.AsSpan(), Values.AsSpan(), Salt, 0);

    private static RevealWeightsCall Reveal(WeightsSubnet subnet, byte[]? salt = null, ulong versionKey = 0) =>
        new(subnet.Netuid, Uids, Values, salt ?? Salt, versionKey);
}
