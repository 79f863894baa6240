using Agora.Sdk.Subnets;

namespace Agora.Sdk.Tests.Subnets;

public sealed class WeightNormalizerTests
{
    [Fact]
    public void Scores_become_max_upscaled_weights_on_the_non_zero_uids_only()
    {
        var weights = WeightNormalizer.Normalize([0.0, 0.5, 0.25, 0.0], ushort.MaxValue, 1);

        Assert.Equal([(ushort)1, (ushort)2], weights.Uids.ToArray());
        Assert.Equal([(ushort)65_535, (ushort)32_767], weights.Weights.ToArray());
    }

    [Fact]
    public void All_zero_scores_give_equal_weights_on_every_uid()
    {
        var weights = WeightNormalizer.Normalize([0.0, 0.0, 0.0], ushort.MaxValue, 1);

        Assert.Equal([(ushort)0, (ushort)1, (ushort)2], weights.Uids.ToArray());
        Assert.All(weights.Weights, w => Assert.Equal(ushort.MaxValue, w));
    }

    [Fact]
    public void Negative_and_nan_scores_count_as_zero()
    {
        var weights = WeightNormalizer.Normalize([-1.0, double.NaN, 0.2], ushort.MaxValue, 1);

        Assert.Equal([(ushort)2], weights.Uids.ToArray());
    }

    [Fact]
    public void Too_few_non_zero_scores_are_topped_up_to_min_allowed_weights_with_the_smallest_weight()
    {
        var weights = WeightNormalizer.Normalize([1.0, 0.0, 0.0, 0.0, 0.0], ushort.MaxValue, 3);

        Assert.Equal(5, weights.Uids.Length);
        Assert.Equal(ushort.MaxValue, weights.Weights[0]);
        Assert.All(weights.Weights.Skip(1), w => Assert.Equal((ushort)1, w));
    }

    [Fact]
    public void Min_allowed_weights_above_the_subnet_size_asks_for_every_uid()
    {
        var weights = WeightNormalizer.Normalize([1.0, 0.0], ushort.MaxValue, 8);

        Assert.Equal([(ushort)0, (ushort)1], weights.Uids.ToArray());
    }

    [Theory]
    [InlineData(32_768)]
    [InlineData(20_000)]
    [InlineData(13_107)]
    public void No_weight_exceeds_max_weight_limit_once_the_chain_normalises_them(int limit)
    {
        var scores = new[] { 0.9, 0.05, 0.03, 0.01, 0.01, 0.0 };

        var weights = WeightNormalizer.Normalize(scores, (ushort)limit, 1);

        Assert.True(WeightNormalizer.WithinLimit(weights.Weights, (ushort)limit));
        Assert.Equal(ushort.MaxValue, weights.Weights.Max());
        Assert.Equal((ushort)0, weights.Uids[0]);
    }

    [Fact]
    public void A_capped_weight_passes_its_excess_to_the_others_in_proportion()
    {
        // 0.8 is capped at ½; the other two keep their 3:1 ratio.
        var weights = WeightNormalizer.Normalize([0.8, 0.15, 0.05], 32_767, 1);

        Assert.True(WeightNormalizer.WithinLimit(weights.Weights, 32_767));
        Assert.InRange(weights.Weights[1] / (double)weights.Weights[2], 2.9, 3.1);
    }

    [Fact]
    public void When_even_equal_weights_exceed_the_limit_equal_weights_are_returned()
    {
        var weights = WeightNormalizer.Normalize([1.0, 0.5], 10_000, 1);

        Assert.Equal([(ushort)65_535, (ushort)65_535], weights.Weights.ToArray());
        Assert.False(WeightNormalizer.WithinLimit(weights.Weights, 10_000));
    }

    [Fact]
    public void No_scores_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => WeightNormalizer.Normalize([], ushort.MaxValue, 1));

        Assert.Contains("no scores", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chains_limit_check_matches_docs_weights_md()
    {
        // floor(w · 65535 / Σw): [1, 1] is 32,767 each.
        Assert.True(WeightNormalizer.WithinLimit([1, 1], 32_767));
        Assert.False(WeightNormalizer.WithinLimit([1, 1], 32_766));
        Assert.False(WeightNormalizer.WithinLimit([0, 0], ushort.MaxValue));
    }
}
