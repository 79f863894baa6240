using Agora.Core.FixedPoint;
using Agora.Yuma.Steps;
using CsCheck;

namespace Agora.Yuma.Tests;

/// <summary>Each step on small hand-computed cases (arithmetic in the comments; 1.0 = 2^32 = 4294967296 bits).</summary>
public sealed class StepTests
{
    private const long _one = 1L << 32;

    private static ColumnTotals Columns(FixedCsr weights, I32F32[] stake, I32F32 kappa) =>
        ColumnPass.Run(weights, stake, ConsensusStep.Stakes(stake, kappa), I32F32.One);

    private static NeuronState[] Neurons(params (ulong Stake, ulong LastUpdate, ulong Registered, bool Permit)[] n) =>
        [.. n.Select(x => new NeuronState(x.Stake, x.LastUpdate, x.Registered, x.Permit))];

    [Fact]
    public void Activity_is_strict_and_registration_masks_follow_the_blocks()
    {
        // last_update + cutoff < current: 90 + 10 = 100 < 100 is false (active), 89 + 10 = 99 < 100 (inactive)
        var neurons = Neurons((1, 90, 0, true), (1, 89, 95, true), (1, 100, 96, true));
        Assert.Equal([false, true, false], ActivityStep.Inactive(neurons, 10, 100));

        // Outdated when the row's last update is at or before the column's registration.
        Assert.True(ActivityStep.IsOutdated(95, 95));
        Assert.False(ActivityStep.IsOutdated(96, 95));

        // Default last epoch block = 100 - 5 - 1 = 94: registered at 95 and 96 are recent, at 0 not.
        Assert.Equal([false, true, true], ActivityStep.RecentlyRegistered(neurons, null, 100, 5));
        Assert.Equal([false, false, true], ActivityStep.RecentlyRegistered(neurons, 95, 100, 5));

        // current_block - tempo - 1 < 0: everyone is recent.
        Assert.Equal([true, true, true], ActivityStep.RecentlyRegistered(neurons, null, 3, 5));
    }

    [Fact]
    public void Permits_go_to_the_largest_nonzero_stakes_and_the_higher_uid_wins_ties()
    {
        I32F32[] s = [new(5), new(7), new(5), I32F32.Zero, new(9)];

        // k = 3 of n = 5: the stable ascending order is 3(0), 0(5), 2(5), 1(7), 4(9); drop the first two.
        Assert.Equal([false, true, true, false, true], ValidatorPermitStep.TopK(s, 3));

        // k > n: every non-zero stake gets one.
        Assert.Equal([true, true, true, false, true], ValidatorPermitStep.TopK(s, 6));
        Assert.Equal([false, false, false, false, false], ValidatorPermitStep.TopK(s, 0));
    }

    [Fact]
    public void Permits_for_stakes_outside_the_normalised_range_follow_the_same_stable_order()
    {
        // Given stakes too large to pack with the uid (not produced by the epoch, but valid I32F32 values)
        I32F32[] s = [new(long.MaxValue), new(5), new(long.MaxValue), I32F32.Zero, new(1L << 50)];

        // When k = 3 of n = 5; then the ascending order 3, 1, 4, 0, 2 drops uids 3 and 1, and ties go to the higher uid
        Assert.Equal([true, false, true, false, true], ValidatorPermitStep.TopK(s, 3));
        Assert.Equal([false, false, true, false, false], ValidatorPermitStep.TopK(s, 1));
    }

    [Fact]
    public void Active_stake_drops_inactive_and_unpermitted_stake_then_renormalises()
    {
        // s = [0.5, 0.25, 0.25]; uid 1 inactive, uid 2 no permit → S = [0.5] / 0.5 = [1, 0, 0]
        var neurons = Neurons((2, 0, 0, true), (1, 0, 0, true), (1, 0, 0, false));
        var s = StakeStep.Normalize(neurons);
        Assert.Equal([_one / 2, _one / 4, _one / 4], s.Select(x => x.Bits));
        Assert.Equal([_one, 0, 0], StakeStep.Active(s, [false, true, false], neurons).Select(x => x.Bits));
    }

    [Fact]
    public void Weights_lose_unpermitted_rows_the_diagonal_and_outdated_cells_then_rows_normalise()
    {
        // Row 0: [self 9, 1, 3] → [0, 1/4, 3/4]; row 1 has no permit; row 2 updated at 5, uid 1 registered at 5 →
        // its cell is outdated: [2, 0(outdated 7), self] → [1, 0, 0].
        var neurons = Neurons((1, 10, 0, true), (1, 10, 5, false), (1, 5, 0, true));
        var weights = SparseU16Matrix.FromDense([[9, 1, 3], [4, 4, 4], [2, 7, 8]]);

        var w = WeightsStep.Prepare(weights, neurons);

        Assert.Equal(0, w.Get(0, 0).Bits);
        Assert.Equal(_one / 4, w.Get(0, 1).Bits);
        Assert.Equal(3 * _one / 4, w.Get(0, 2).Bits);
        Assert.Equal(0, w.NonZeroCount - 3);
        Assert.Equal(_one, w.Get(2, 0).Bits);
        Assert.Equal(0, w.Get(2, 1).Bits);
    }

    [Fact]
    public void Consensus_is_the_largest_weight_kappa_of_the_stake_gives_at_least()
    {
        // Stakes 0.5, 0.3, 0.2 weight one column 0.6, 0.3, 0.9. κ = 0.5: stake giving ≥ 0.9 is 0.2, ≥ 0.6 is 0.7 ≥ κ,
        // so C = 0.6. With κ = 0.8: ≥ 0.3 is 1.0 → C = 0.3. With κ = 0.1: ≥ 0.9 is 0.2 → C = 0.9.
        I32F32[] stake = [new(_one / 2), new(3 * _one / 10), new(_one / 5)];
        var csr = new FixedCsr(3, [0, 1, 2, 3], [0, 0, 0], [new(6 * _one / 10), new(3 * _one / 10), new(9 * _one / 10)]);

        Assert.Equal(6 * _one / 10, Columns(csr, stake, new I32F32(_one / 2)).Consensus[0].Bits);
        Assert.Equal(3 * _one / 10, Columns(csr, stake, new I32F32(8 * _one / 10)).Consensus[0].Bits);
        Assert.Equal(9 * _one / 10, Columns(csr, stake, new I32F32(_one / 10)).Consensus[0].Bits);

        // A column weighted by less than κ of stake (only the 0.3 validator) has consensus 0: absent weights are zeros.
        var sparse = new FixedCsr(3, [0, 0, 1, 1], [0], [new(_one)]);
        Assert.Equal(0, Columns(sparse, stake, new I32F32(_one / 2)).Consensus[0].Bits);

        // κ = 32767/65535 = floor(32767 · 2^32 / 65535) bits = 2147450879.
        Assert.Equal(2147450879L, ConsensusStep.Kappa(32767).Bits);
    }

    [Fact]
    public void Columns_give_preranks_ranks_trust_and_incentive_and_rows_give_validator_trust()
    {
        // W = [[0.75, 0.25], [0.25, 0.75]] with S = [0.5, 0.5] and κ = 0.6: in each column the stake weighting more
        // than 0.25 is 0.5 < κ, so C = [0.25, 0.25]. Wc = [[0.25, 0.25], [0.25, 0.25]], VT = [0.5, 0.5];
        // P = [0.5, 0.5], R = [0.25, 0.25], T = [0.5, 0.5], I = [0.5, 0.5]; with β = 1 the delta column sums are R.
        var w = new FixedCsr(2, [0, 2, 4], [0, 1, 0, 1], [new(3 * _one / 4), new(_one / 4), new(_one / 4), new(3 * _one / 4)]);
        I32F32[] s = [new(_one / 2), new(_one / 2)];

        var totals = Columns(w, s, new I32F32(6 * _one / 10));

        Assert.Equal([_one / 4, _one / 4], totals.Consensus.Select(x => x.Bits));
        Assert.Equal([_one / 2, _one / 2], totals.Preranks.Select(x => x.Bits));
        Assert.Equal([_one / 4, _one / 4], totals.Ranks.Select(x => x.Bits));
        Assert.Equal(totals.Ranks, totals.DeltaColumnSums);
        Assert.Equal([_one / 2, _one / 2], RankStep.Trust(totals.Ranks, totals.Preranks).Select(x => x.Bits));
        Assert.Equal([_one / 2, _one / 2], RankStep.Incentive(totals.Ranks).Select(x => x.Bits));
        var rows = MovingAveragePass.Run(w, totals, s, YumaParameters.Default, SparseU16Matrix.Zero(2), [0, 0]);
        Assert.Equal([_one / 2, _one / 2], rows.ValidatorTrust.Select(x => x.Bits));
    }

    [Fact]
    public void Bonds_follow_penalty_moving_average_and_storage_rules()
    {
        // α for 900000 ppm: 1 − floor(0.9 · 2^32) = 4294967296 − 3865470566 = 429496730 bits (≈ 0.1).
        Assert.Equal(429496730L, BondsStep.Alpha(900_000).Bits);
        Assert.Equal(_one, BondsStep.Penalty(65535).Bits);

        // Old bonds column 0 = [1, 3] → [0.25, 0.75]; column 1 belongs to a recent registration and is dropped.
        var oldBonds = SparseU16Matrix.FromDense([[1, 5], [3, 5]]);
        var oldSums = BondsStep.OldColumnSums(oldBonds, [false, true]);
        Assert.Equal([4UL, 0], oldSums);
        Assert.Equal(_one / 4, BondsStep.OldBond(1, new U16Divisor(4)).Bits);
        Assert.Equal(0, BondsStep.OldBond(5, new U16Divisor(0)).Bits);

        // β = 1/2 between W = 1 and Wc = 0.5 gives 0.75.
        Assert.Equal(3 * _one / 4, BondsStep.WeightForBonds(I32F32.One, new(_one / 2), new(_one / 2)).Bits);

        // ΔB: only row 0 weights column 0 (stake 0.5, column sum 0.5) → 1. EMA with α = 0.5: [0.5·1 + 0.5·0.25,
        // 0.5·0.75] = [0.625, 0.375], already summing to 1. Stored: max-upscaled [1, 0.6 − 2^-32·0.6] →
        // [65535, floor(39320.99…) = 39320]. Dividends with I = [1, 0]: [0.625, 0.375].
        var w = new FixedCsr(2, [0, 1, 1], [0], [I32F32.One]);
        var totals = new ColumnTotals([new(_one / 2), I32F32.Zero], [I32F32.One, I32F32.Zero], [new(_one / 2), I32F32.Zero], [new(_one / 2), I32F32.Zero]);
        var parameters = YumaParameters.Default with { BondsMovingAverage = 500_000 };
        var ema = MovingAveragePass.Run(w, totals, [new(_one / 2), new(_one / 2)], parameters, oldBonds, oldSums);
        Assert.Equal(5 * _one / 8, ema.Bonds.Get(0, 0).Bits);
        Assert.Equal(3 * _one / 8, ema.Bonds.Get(1, 0).Bits);
        Assert.Equal(0, ema.Bonds.Get(0, 1).Bits);
        var neurons = Neurons((1, 0, 0, true), (1, 0, 0, true));
        var (dividends, stored) = DividendsPass.Run(ema, [I32F32.One, I32F32.Zero], [true, true], neurons, oldBonds);
        Assert.Equal(65535, stored[0, 0]);
        Assert.Equal(39320, stored[1, 0]);
        Assert.Equal([5 * _one / 8, 3 * _one / 8], dividends.Select(x => x.Bits));

        // A neuron that lost its permit stores nothing; one that never had it keeps its input row.
        var input = SparseU16Matrix.FromDense([[7, 7], [9, 9]]);
        var (_, rules) = DividendsPass.Run(ema, [I32F32.One, I32F32.Zero], [false, false], Neurons((1, 0, 0, true), (1, 0, 0, false)), input);
        Assert.Equal([[0, 0], [9, 9]], rules.ToDense());
    }

    [Fact]
    public void Weight_for_bonds_equals_the_general_fixed_point_formula()
    {
        // The 64-bit shortcut rounds β · (Wc − W) < 0 towards −∞ exactly as the I32F32 multiply does.
        Gen.Select(Gen.Long[0, _one], Gen.Long[0, _one], Gen.Long[0, _one]).Sample((a, b, penalty) =>
        {
            var (weight, clipped) = (new I32F32(long.Max(a, b)), new I32F32(long.Min(a, b)));
            var beta = new I32F32(penalty);
            Assert.Equal(weight + (beta * (clipped - weight)), BondsStep.WeightForBonds(weight, clipped, beta));
        }, iter: 20_000);
    }

    [Fact]
    public void Emission_splits_in_whole_rao_with_dust()
    {
        // Σ = 2: shares 1/4 each validator and 1/2 the miner of 1001 rao → 250, 250, 500; dust 1.
        I32F32[] dividends = [new(_one / 2), new(_one / 2)];
        var split = EmissionStep.Split([I32F32.Zero, I32F32.One], dividends, [], [], 1001);
        Assert.Equal([250UL, 750], split.Total);
        Assert.Equal([0UL, 500], split.Miner);
        Assert.Equal(1UL, split.Dust);

        // Σ = 0 falls back to active stake, or to stake when active stake is all zero.
        I32F32[] zero = [I32F32.Zero, I32F32.Zero];
        Assert.Equal([300UL, 700], EmissionStep.Split(zero, zero, [new(3 * _one / 10 + 1), new(7 * _one / 10 + 1)], zero, 1000).Validator);
        Assert.Equal([1000UL, 0], EmissionStep.Split(zero, zero, zero, [I32F32.One, I32F32.Zero], 1000).Validator);
        Assert.Equal([1000UL, 0], EmissionStep.PruningScores([1000UL, 0]));
    }

    [Fact]
    public void An_invalid_input_is_refused_with_the_field_named()
    {
        var input = Epochs.Dense([1, 2], Epochs.Zeros(2)) with { Bonds = SparseU16Matrix.Zero(3) };
        Assert.Contains("bonds: expected 2 rows", Assert.Throws<ArgumentException>(() => YumaEpoch.Run(input)).Message, StringComparison.Ordinal);
        Assert.Empty(Epochs.Dense([1], Epochs.Zeros(1)).Validate());
        Assert.Empty(YumaEpoch.Run(Epochs.Dense([], [])).Emission);
    }

    [Fact]
    public void Liquid_alpha_follows_the_sigmoid_of_the_lead_and_is_off_when_consensus_is_all_zero()
    {
        // α from 6553/65535 = floor(6553 · 2^32 / 65535) = 429463961 bits (0.09999…) to 19660/65535 = 1288457420 bits,
        // steepness 1000: slope = 1000 / −100 = −10.
        var parameters = YumaParameters.Default with { Yuma3Enabled = true, LiquidAlphaEnabled = true, AlphaLow = 6553, AlphaHigh = 19660 };
        var liquid = LiquidAlphaStep.For(parameters, [I32F32.Zero, new(_one / 2)])!.Value;
        Assert.Equal((429463961L, 1288457420L, -10 * _one), (liquid.Low.Bits, liquid.High.Bits, liquid.Slope.Bits));

        // Buying: weight 1 ≥ bond 0, lead = 1 − consensus 0.5 = 0.5, e^(−10 · 0) = 1, sigmoid 1 / 2:
        // α = low + (high − low) / 2 = 429463961 + floor(858993459 / 2) = 858960690.
        Assert.Equal(858960690L, liquid.Alpha(new(_one / 2), I32F32.One, I32F32.Zero).Bits);

        // Lead 1 (consensus 0): e^(−10 · 0.5) = e^−5 = 28939262 bits, sigmoid = floor(2^64 / (2^32 + 28939262))
        // = 4266221720 (0.99330…), α = low + floor(4266221720 · 858993459 / 2^32) = 1282708304 (0.29865…).
        Assert.Equal(1282708304L, liquid.Alpha(I32F32.Zero, I32F32.One, I32F32.Zero).Bits);

        // Selling: weight 0.2 (858993459 bits) < bond 0.9 (3865470566), lead = 0.7, e^(−10 · 0.2) = e^−2, sigmoid 0.88079…
        // (3782994644 bits), α = 1186062889 (0.27615…); the bond moves to (1 − α) · 0.9 + α · 0.2 = 3035226543 (0.70669…).
        var (weight, bond) = (new I32F32(858993459), new I32F32(3865470566));
        Assert.Equal(1186062889L, liquid.Alpha(new(_one / 2), weight, bond).Bits);
        Assert.Equal(3035226543L, liquid.MovingAverage(new(_one / 2), weight, bond).Bits);

        // As on the reference chain, liquid alpha is off when disabled or when every consensus is zero.
        Assert.Null(LiquidAlphaStep.For(parameters, [I32F32.Zero, I32F32.Zero]));
        Assert.Null(LiquidAlphaStep.For(parameters with { LiquidAlphaEnabled = false }, [I32F32.One]));
    }

    [Fact]
    public void Liquid_alpha_measures_leads_against_the_consensus_its_mode_names()
    {
        // The previous epoch stored [65535, 32768]: read back as 1 and floor(32768 · 2^32 / 65535) = 2147516416 bits.
        I32F32[] current = [new(_one / 4), new(_one / 8)];
        System.Collections.Immutable.ImmutableArray<ushort> previous = [65535, 32768];
        I32F32[] previousRead = [I32F32.One, new(2147516416)];
        var parameters = YumaParameters.Default with { Yuma3Enabled = true, LiquidAlphaEnabled = true };

        Assert.Equal(current, LiquidAlphaStep.MeasuredConsensus(parameters with { LiquidAlphaConsensusMode = LiquidAlphaConsensusMode.Current }, current, previous));
        Assert.Equal(previousRead, LiquidAlphaStep.MeasuredConsensus(parameters with { LiquidAlphaConsensusMode = LiquidAlphaConsensusMode.Previous }, current, previous));

        // Auto: the previous consensus when β = 1 (the default 65535), the current one for any other β.
        Assert.Equal(previousRead, LiquidAlphaStep.MeasuredConsensus(parameters, current, previous));
        Assert.Equal(current, LiquidAlphaStep.MeasuredConsensus(parameters with { BondsPenalty = 65534 }, current, previous));

        // None stored (empty, or a default array) reads as zeros, which turn liquid alpha off for the epoch.
        var none = LiquidAlphaStep.MeasuredConsensus(parameters, current, []);
        Assert.Equal([I32F32.Zero, I32F32.Zero], none);
        Assert.Equal(none, LiquidAlphaStep.MeasuredConsensus(parameters, current, default));
        Assert.Null(LiquidAlphaStep.For(parameters, none));
    }

    [Fact]
    public void Yuma3_bonds_are_proportions_moved_towards_the_weights_and_stored_as_they_are()
    {
        // Old bond 32768 = floor(32768 · 2^32 / 65535) = 2147516416 bits (0.500007…); none in a new neuron's column.
        Assert.Equal(2147516416L, Yuma3BondsStep.OldBond(32768, recentlyRegistered: false).Bits);
        Assert.Equal(0L, Yuma3BondsStep.OldBond(32768, recentlyRegistered: true).Bits);

        // Fixed α = 2^32 − floor(0.9 · 2^32) = 429496730 bits (bonds moving average 900000), 1 − α = 3865470566:
        // α · 1 + (1 − α) · 0.5 with each product truncated = 429496730 + floor(3865470566 / 2) = 2362232013.
        var alpha = BondsStep.Alpha(900_000);
        var cell = new BondCell(I32F32.One, alpha);
        Assert.Equal(2362232013L, Yuma3BondsStep.MovingAverage(I32F32.One, new(_one / 2), I32F32.Zero, cell, liquidAlpha: null).Bits);

        // Stored as the proportion itself: floor(2362232013 · 65535 / 2^32) = 36044 (0.55 · 65535 = 36044.25), and
        // dividends weigh Σ B̂ · I by stake: 0.5 · 0.5 = 0.25.
        Assert.Equal(36044, BondsStep.ProportionToU16(new I32F32(2362232013)));
        Assert.Equal(_one / 4, Yuma3BondsStep.Dividend(new(_one / 2), new(_one / 2)).Bits);
    }

    [Fact]
    public void Alpha_low_above_alpha_high_is_refused()
    {
        var input = Epochs.Dense([1], Epochs.Zeros(1), parameters: YumaParameters.Default with { AlphaLow = 40000, AlphaHigh = 30000 });
        Assert.Equal(["alpha_low: expected at most alpha_high (30000), got 40000"], input.Validate());
    }
}
