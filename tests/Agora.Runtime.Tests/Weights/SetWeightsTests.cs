using System.Collections.Immutable;
using Agora.Protocol.Subnets;
using Agora.Protocol.Weights;
using Agora.Runtime.Modules.Weights;

namespace Agora.Runtime.Tests.Weights;

public sealed class SetWeightsTests
{
    [Fact]
    public void Set_weights_stores_one_row_sorted_by_uid_max_upscaled_without_zeros_and_moves_last_update()
    {
        using var subnet = WeightsSubnet.Create();
        subnet.Permit(0);

        var events = subnet.Run(0, Set(subnet, [2, 0, 1, 3], [100, 50, 0, 33]));

        Assert.Contains(new WeightsSet(subnet.Netuid, 0, subnet.Hotkeys[0].Account, 3), events);
        Assert.Equal([(0, 32_767), (2, 65_535), (3, 21_626)], WeightsState.Row(subnet.Chain.State, subnet.Netuid, 0).Entries.Select(e => ((int)e.Uid, (int)e.Value)));
        Assert.Equal(subnet.Chain.BestNumber, WeightsState.LastUpdate(subnet.Chain.State, subnet.Netuid, 0));
        Assert.Equal(0, subnet.Chain.InvariantGap());
    }

    [Fact]
    public void New_weights_replace_the_whole_row()
    {
        using var subnet = WeightsSubnet.Create();
        subnet.Permit(0);
        subnet.Run(0, Set(subnet, [1, 2], [1, 1]));

        subnet.Run(0, Set(subnet, [3], [7]));

        Assert.Equal([(3, 65_535)], WeightsState.Row(subnet.Chain.State, subnet.Netuid, 0).Entries.Select(e => ((int)e.Uid, (int)e.Value)));
    }

    [Fact]
    public void A_weight_on_itself_alone_needs_no_permit_and_is_exempt_from_the_minimum_and_the_limit()
    {
        using var subnet = WeightsSubnet.Create();
        subnet.Set(HyperparameterId.MinAllowedWeights, 3);
        subnet.Set(HyperparameterId.MaxWeightLimit, 1_000);

        var events = subnet.Run(2, Set(subnet, [2, 0], [9, 0]));

        Assert.Contains(new WeightsSet(subnet.Netuid, 2, subnet.Hotkeys[2].Account, 1), events);
        Assert.Equal([(2, 65_535)], WeightsState.Row(subnet.Chain.State, subnet.Netuid, 2).Entries.Select(e => ((int)e.Uid, (int)e.Value)));
    }

    [Fact]
    public void The_minimum_counts_non_zero_weights_and_is_capped_at_the_subnet_size()
    {
        using var subnet = WeightsSubnet.Create(neurons: 3);
        subnet.Permit(0);
        subnet.Set(HyperparameterId.MinAllowedWeights, 8);

        subnet.Fails(subnet.Hotkeys[0], Set(subnet, [0, 1, 2], [5, 5, 0]), WeightsError.TooFewWeights);
        subnet.Run(0, Set(subnet, [0, 1, 2], [5, 5, 1]));

        Assert.Equal(3, WeightsState.Row(subnet.Chain.State, subnet.Netuid, 0).Entries.Length);
    }

    [Fact]
    public void The_limit_applies_to_weights_normalised_to_sum_65535()
    {
        using var subnet = WeightsSubnet.Create();
        subnet.Permit(0);
        subnet.Set(HyperparameterId.MaxWeightLimit, 32_767);

        // 1 : 1 normalises to 32767 each (at the limit); 2 : 1 gives 43690 on uid 1.
        subnet.Fails(subnet.Hotkeys[0], Set(subnet, [1, 2], [2, 1]), WeightsError.WeightAboveLimit);
        subnet.Run(0, Set(subnet, [1, 2], [40_000, 40_000]));

        Assert.Equal(2, WeightsState.Row(subnet.Chain.State, subnet.Netuid, 0).Entries.Length);
    }

    [Fact]
    public void Each_failing_check_fails_with_its_own_error_and_changes_only_fee_and_nonce()
    {
        using var subnet = WeightsSubnet.Create();
        var (validator, miner) = (subnet.Hotkeys[0], subnet.Hotkeys[1]);
        var stranger = subnet.NewOwnedHotkey();
        subnet.Permit(0);
        subnet.Set(HyperparameterId.WeightsVersion, 5);
        subnet.Set(HyperparameterId.MinAllowedWeights, 2);

        subnet.Fails(validator, new SetWeightsCall(0, [1], [1], 5), WeightsError.SubnetNotFound);
        subnet.Fails(validator, new SetWeightsCall(9, [1], [1], 5), WeightsError.SubnetNotFound);
        subnet.Fails(stranger, Set(subnet, [1, 2], [1, 1], 5), WeightsError.NotRegistered);
        subnet.Fails(validator, Set(subnet, [1, 4], [1, 1], 5), WeightsError.UnknownUid);
        subnet.Fails(validator, Set(subnet, [1, 2], [1, 1], 4), WeightsError.VersionKeyTooLow);
        subnet.Fails(miner, Set(subnet, [1, 2], [1, 1], 5), WeightsError.NoValidatorPermit);
        subnet.Fails(validator, Set(subnet, [1, 2], [1, 0], 5), WeightsError.TooFewWeights);

        subnet.Set(HyperparameterId.CommitRevealEnabled, 1);
        subnet.Fails(validator, Set(subnet, [1, 2], [1, 1], 5), WeightsError.CommitRevealEnabled);
        subnet.Fails(stranger, Set(subnet, [1, 2], [1, 1], 5), WeightsError.NotRegistered);
        Assert.True(WeightsState.Row(subnet.Chain.State, subnet.Netuid, 0).IsEmpty);
    }

    [Fact]
    public void Weights_wait_weights_rate_limit_blocks_after_the_last_weights_and_after_registration()
    {
        using var subnet = WeightsSubnet.Create();
        subnet.Permit(0);
        subnet.Set(HyperparameterId.WeightsRateLimit, 5);
        var registeredAt = WeightsState.LastUpdate(subnet.Chain.State, subnet.Netuid, 0);

        subnet.NextBlockIs(registeredAt + 4);
        subnet.Fails(subnet.Hotkeys[0], Set(subnet, [1], [1]), WeightsError.RateLimited);
        subnet.Run(0, Set(subnet, [1], [1]));
        Assert.Equal(registeredAt + 5, WeightsState.LastUpdate(subnet.Chain.State, subnet.Netuid, 0));

        subnet.NextBlockIs(registeredAt + 9);
        subnet.Fails(subnet.Hotkeys[0], Set(subnet, [2], [1]), WeightsError.RateLimited);
        subnet.Run(0, Set(subnet, [2], [1]));
    }

    [Fact]
    public void Malformed_weights_are_refused_before_inclusion()
    {
        using var subnet = WeightsSubnet.Create();
        subnet.Permit(0);
        var validator = subnet.Hotkeys[0];

        subnet.Refused(validator, Set(subnet, [1, 2], [1]), WeightsError.LengthMismatch);
        subnet.Refused(validator, Set(subnet, [1, 2, 1], [1, 1, 1]), WeightsError.DuplicateUid);
        subnet.Refused(validator, Set(subnet, [1, 4_096], [1, 1]), WeightsError.UnknownUid);
        subnet.Refused(validator, Set(subnet, [], []), WeightsError.AllWeightsZero);
        subnet.Refused(validator, Set(subnet, [1, 2], [0, 0]), WeightsError.AllWeightsZero);
    }

    [Fact]
    public void Set_weights_is_not_a_call_of_the_economy_runtime()
    {
        using var subnet = WeightsSubnet.Create();
        var context = subnet.Chain.NextContext() with { RuntimeVersion = RuntimeVersion.Economy };

        Assert.Null(context.Rules.Handler(Protocol.Transactions.CallTag.SetWeights));
        Assert.NotNull(subnet.Chain.NextContext().Rules.Handler(Protocol.Transactions.CallTag.SetWeights));
    }

    private static SetWeightsCall Set(WeightsSubnet subnet, ushort[] uids, ushort[] weights, ulong versionKey = 0) =>
        new(subnet.Netuid, ImmutableArray.Create(uids), ImmutableArray.Create(weights), versionKey);
}
