using Agora.Core.FixedPoint;

namespace Agora.Yuma.Tests;

/// <summary>Several epochs in a row: the behaviours Yuma exists for (spec/yuma.md, "Why each step exists").</summary>
public sealed class ScenarioTests
{
    private const ushort _full = 65535;

    /// <summary>
    /// Runs epochs feeding bonds, permits and the stored consensus (liquid alpha's previous mode reads it) forward;
    /// every validator sets its weights each epoch.
    /// </summary>
    private static List<EpochOutput> Run(ulong[] stake, int epochs, Func<int, ushort[][]> weightsAt, YumaParameters? parameters = null)
    {
        var n = stake.Length;
        var outputs = new List<EpochOutput>();
        var bonds = SparseU16Matrix.Zero(n);
        var permits = stake.Select(s => s > 0).ToArray();
        System.Collections.Immutable.ImmutableArray<ushort> consensus = [];
        for (var e = 0; e < epochs; e++)
        {
            var block = 1000 + ((ulong)e * 10);
            var input = Epochs.Dense(stake, weightsAt(e), permits: permits, currentBlock: block, lastEpochBlock: block - 10,
                parameters: (parameters ?? YumaParameters.Default) with { Tempo = 10 }) with
            { Bonds = bonds, PreviousConsensus = consensus };
            var output = YumaEpoch.Run(input);
            outputs.Add(output);
            bonds = output.Bonds;
            permits = [.. output.ValidatorPermit];
            consensus = output.StoredConsensus();
        }

        return outputs;
    }

    /// <summary>
    /// The bond models: classic, Yuma 3, and Yuma 3 with liquid alpha at the reference's defaults (which, with the
    /// default β = 1, judge leads against the previous epoch's consensus) and against the current consensus.
    /// </summary>
    public static TheoryData<bool, bool, LiquidAlphaConsensusMode> BondModels => new()
    {
        { false, false, LiquidAlphaConsensusMode.Auto },
        { true, false, LiquidAlphaConsensusMode.Auto },
        { true, true, LiquidAlphaConsensusMode.Auto },
        { true, true, LiquidAlphaConsensusMode.Current },
    };

    private static YumaParameters BondModel(bool yuma3, bool liquidAlpha, LiquidAlphaConsensusMode mode) =>
        YumaParameters.Default with { Yuma3Enabled = yuma3, LiquidAlphaEnabled = liquidAlpha, LiquidAlphaConsensusMode = mode };

    [Theory]
    [MemberData(nameof(BondModels))]
    public void A_weight_copier_one_epoch_late_earns_less_dividends_than_the_honest_validator(bool yuma3, bool liquidAlpha, LiquidAlphaConsensusMode mode)
    {
        // Given validators 0 and 1 honest, 2 copying validator 0's weights one epoch late, equal stakes,
        // and four miners (3..6) whose best one changes every three epochs
        ulong[] stake = [100, 100, 100, 0, 0, 0, 0];
        ushort[] Honest(int e) => Enumerable.Range(0, 4).Select(m => m == (e / 3) % 4 ? _full : (ushort)8000).ToArray();
        ushort[][] WeightsAt(int e)
        {
            var w = Epochs.Zeros(7);
            Honest(e).CopyTo(w[0], 3);
            Honest(e).CopyTo(w[1], 3);
            Honest(Math.Max(0, e - 1)).CopyTo(w[2], 3);
            return w;
        }

        // When 24 epochs run
        var outputs = Run(stake, 24, WeightsAt, BondModel(yuma3, liquidAlpha, mode));

        // Then the copier's total dividends are below the honest validator's
        var honest = outputs.Sum(o => Epochs.ToDouble(o.Dividends[0]));
        var copier = outputs.Sum(o => Epochs.ToDouble(o.Dividends[2]));
        Assert.True(copier < honest, $"copier {copier} vs honest {honest}");
        Assert.True(outputs.Sum(o => (double)o.ValidatorEmission[2]) < outputs.Sum(o => (double)o.ValidatorEmission[0]));
    }

    [Theory]
    [MemberData(nameof(BondModels))]
    public void A_validator_that_moves_first_to_a_new_best_miner_gains_bonds_over_time(bool yuma3, bool liquidAlpha, LiquidAlphaConsensusMode mode)
    {
        // Given three equal validators on miner 3; validator 0 moves to miner 4 at epoch 5, validator 1 at epoch 10,
        // validator 2 only at epoch 20
        ulong[] stake = [100, 100, 100, 0, 0];
        ushort[][] WeightsAt(int e)
        {
            var w = Epochs.Zeros(5);
            int[] moves = [5, 10, 20];
            for (var v = 0; v < 3; v++)
            {
                w[v][e >= moves[v] ? 4 : 3] = _full;
            }

            return w;
        }

        // When 20 epochs run
        var outputs = Run(stake, 20, WeightsAt, BondModel(yuma3, liquidAlpha, mode));

        // Then once consensus follows (epoch 10), the first mover's bond in the new miner grows epoch after epoch
        // and ends above the late mover's, and so do its dividends
        var bondInNewMiner = outputs.Select(o => o.Bonds[0, 4]).ToArray();
        Assert.Equal(0, bondInNewMiner[9]);
        for (var e = 11; e < 20; e++)
        {
            Assert.True(bondInNewMiner[e] >= bondInNewMiner[e - 1], $"epoch {e}: {bondInNewMiner[e]} < {bondInNewMiner[e - 1]}");
        }

        Assert.True(outputs[19].Bonds[0, 4] > outputs[19].Bonds[2, 4]);
        Assert.True(outputs[19].Dividends[0] > outputs[19].Dividends[2]);
    }

    [Fact]
    public void Without_bonds_penalty_moving_first_earns_bonds_before_consensus_follows()
    {
        // Given the same move but β = 0 (bonds follow raw weights)
        ulong[] stake = [100, 100, 100, 0, 0];
        ushort[][] WeightsAt(int e)
        {
            var w = Epochs.Zeros(5);
            w[0][e >= 3 ? 4 : 3] = _full;
            w[1][e >= 8 ? 4 : 3] = _full;
            w[2][e >= 8 ? 4 : 3] = _full;
            return w;
        }

        var outputs = Run(stake, 14, WeightsAt, new YumaParameters { BondsPenalty = 0 });

        // Then the mover holds the new miner's bonds alone before the others move, and more than them after
        Assert.Equal(_full, outputs[5].Bonds[0, 4]);
        Assert.Equal(0, outputs[5].Bonds[1, 4]);
        Assert.True(outputs[13].Bonds[0, 4] > outputs[13].Bonds[1, 4]);
    }

    [Theory]
    [MemberData(nameof(BondModels))]
    public void An_out_of_consensus_validators_trust_falls(bool yuma3, bool liquidAlpha, LiquidAlphaConsensusMode mode)
    {
        // Given four equal validators weighting miners 4 and 5; from epoch 3 validator 3 weights only miner 6
        ulong[] stake = [100, 100, 100, 100, 0, 0, 0];
        ushort[][] WeightsAt(int e)
        {
            var w = Epochs.Zeros(7);
            for (var v = 0; v < 4; v++)
            {
                if (v == 3 && e >= 3)
                {
                    w[v][6] = _full;
                }
                else
                {
                    w[v][4] = _full;
                    w[v][5] = 30000;
                }
            }

            return w;
        }

        var outputs = Run(stake, 8, WeightsAt, BondModel(yuma3, liquidAlpha, mode));

        // Then its validator trust falls from the honest level to below every honest validator's
        Assert.Equal(outputs[2].ValidatorTrust[0], outputs[2].ValidatorTrust[3]);
        Assert.True(outputs[7].ValidatorTrust[3] < outputs[2].ValidatorTrust[3]);
        Assert.True(outputs[7].ValidatorTrust[3] < outputs[7].ValidatorTrust[0]);
        Assert.Equal(I32F32.Zero, outputs[7].ValidatorTrust[3]);
        Assert.True(outputs[7].Dividends[3] < outputs[7].Dividends[0]);
    }
}
