using Agora.Core.FixedPoint;
using Agora.Yuma.Steps;
using CsCheck;

namespace Agora.Yuma.Tests;

/// <summary>Properties spec/yuma.md promises, over random inputs.</summary>
public sealed class PropertyTests
{
    [Fact]
    public void Incentive_and_dividends_each_sum_to_one_within_truncation_or_to_zero()
    {
        Epochs.Input.Sample(input =>
        {
            var output = YumaEpoch.Run(input);
            var n = input.NeuronCount;
            foreach (var vector in new[] { output.Incentive, output.Dividends })
            {
                // Each entry is a truncated quotient, so the sum loses less than one unit (2^-32) per entry.
                var sum = vector.Aggregate(0L, (acc, v) => acc + v.Bits);
                Assert.True(sum == 0 || (sum <= I32F32.One.Bits && sum > I32F32.One.Bits - n), $"sum {sum}");
            }
        }, iter: 2000);
    }

    [Fact]
    public void Emission_never_exceeds_the_input_and_dust_plus_paid_equals_it()
    {
        Epochs.Input.Sample(input =>
        {
            var output = YumaEpoch.Run(input);
            UInt128 paid = 0;
            for (var i = 0; i < input.NeuronCount; i++)
            {
                Assert.Equal(output.MinerEmission[i] + output.ValidatorEmission[i], output.Emission[i]);
                paid += output.Emission[i];
            }

            Assert.True(paid <= input.Emission);
            Assert.Equal((UInt128)input.Emission, paid + output.Dust);
        }, iter: 2000);
    }

    [Fact]
    public void With_distinct_stakes_permuting_uids_permutes_every_output()
    {
        var gen = Epochs.Input
            .Where(i => i.Neurons.Select(n => n.Stake).Distinct().Count() == i.NeuronCount)
            .SelectMany(i => Gen.Int.Array[i.NeuronCount].Select(keys => (i, Permutation(keys))));
        gen.Sample(t =>
        {
            // Given an input and a relabelling of uids p (old uid i becomes p[i])
            var (input, p) = t;
            var permuted = Permute(input, p);

            // When both run
            var a = YumaEpoch.Run(input);
            var b = YumaEpoch.Run(permuted);

            // Then outputs are relabelled the same way
            for (var i = 0; i < input.NeuronCount; i++)
            {
                Assert.Equal(a.Consensus[i], b.Consensus[p[i]]);
                Assert.Equal(a.Incentive[i], b.Incentive[p[i]]);
                Assert.Equal(a.Trust[i], b.Trust[p[i]]);
                Assert.Equal(a.Dividends[i], b.Dividends[p[i]]);
                Assert.Equal(a.ValidatorTrust[i], b.ValidatorTrust[p[i]]);
                Assert.Equal(a.Emission[i], b.Emission[p[i]]);
                Assert.Equal(a.ValidatorPermit[i], b.ValidatorPermit[p[i]]);
                for (var j = 0; j < input.NeuronCount; j++)
                {
                    Assert.Equal(a.Bonds[i, j], b.Bonds[p[i], p[j]]);
                }
            }

            Assert.Equal(a.Dust, b.Dust);
        }, iter: 1000);
    }

    [Fact]
    public void Validators_holding_less_than_kappa_cannot_raise_consensus_above_what_the_rest_give()
    {
        var gen = from validators in Gen.Int[2, 8]
                  from miners in Gen.Int[1, 5]
                  from stake in Gen.ULong[1, 1_000_000].Array[validators]
                  from honest in Gen.UShort.Array[miners].Array[validators]
                  from attack in Gen.UShort.Array[miners]
                  select (validators, miners, stake, honest, attack);
        gen.Sample(t =>
        {
            var (v, m, stake, honest, attack) = t;
            var n = v + m;

            // Given a minority: the smallest validators while they hold under 40% of stake (κ ≈ 0.5)
            var total = stake.Aggregate(0UL, (a, b) => a + b);
            var byStake = Enumerable.Range(0, v).OrderBy(i => stake[i]).ToArray();
            var minority = new HashSet<int>();
            ulong held = 0;
            foreach (var i in byStake)
            {
                if ((held + stake[i]) * 10 >= total * 4)
                {
                    break;
                }

                held += stake[i];
                minority.Add(i);
            }

            // When the minority weights miners however it likes
            var weights = Epochs.Zeros(n);
            for (var i = 0; i < v; i++)
            {
                for (var j = 0; j < m; j++)
                {
                    weights[i][v + j] = minority.Contains(i) ? attack[j] : honest[i][j];
                }
            }

            var input = Epochs.Dense([.. stake, .. new ulong[m]], weights);
            var output = YumaEpoch.Run(input);

            // Then no miner's consensus exceeds the largest (normalised) weight the rest give it
            var w = WeightsStep.Prepare(input.Weights, input.Neurons.AsSpan());
            for (var j = v; j < n; j++)
            {
                var restMax = Enumerable.Range(0, v).Where(i => !minority.Contains(i)).Select(i => w.Get(i, j)).Max();
                Assert.True(output.Consensus[j] <= restMax, $"miner {j}: consensus {output.Consensus[j]} > rest's max {restMax}");
            }
        }, iter: 2000);
    }

    [Fact]
    public void Adding_a_neuron_with_zero_stake_and_no_weights_changes_nobody_elses_outputs()
    {
        Epochs.Input.Select(Gen.ULong[0, 400], Gen.Bool, (i, reg, permit) => (i, reg, permit)).Sample(t =>
        {
            // Given an input and the same input with one more neuron that has no stake, weights or bonds
            var (input, registered, permit) = t;
            var n = input.NeuronCount;
            var grown = input with
            {
                Neurons = input.Neurons.Add(new NeuronState(0, 0, registered, permit)),
                Weights = Grow(input.Weights),
                Bonds = Grow(input.Bonds),
                PreviousConsensus = input.PreviousConsensus.IsEmpty ? [] : input.PreviousConsensus.Add(0),
            };

            // When both run
            var a = YumaEpoch.Run(input);
            var b = YumaEpoch.Run(grown);

            // Then the others' outputs are unchanged
            Assert.Equal(a.Rank, b.Rank.Take(n));
            Assert.Equal(a.Trust, b.Trust.Take(n));
            Assert.Equal(a.Consensus, b.Consensus.Take(n));
            Assert.Equal(a.Incentive, b.Incentive.Take(n));
            Assert.Equal(a.Dividends, b.Dividends.Take(n));
            Assert.Equal(a.ValidatorTrust, b.ValidatorTrust.Take(n));
            Assert.Equal(a.Emission, b.Emission.Take(n));
            Assert.Equal(0UL, b.Emission[n]);
            Assert.Equal(a.Dust, b.Dust);
            Assert.Equal(a.ValidatorPermit, b.ValidatorPermit.Take(n));
            Assert.Equal(a.Bonds.ToDense(), b.Bonds.ToDense().Take(n).Select(row => row.Take(n).ToArray()));
        }, iter: 2000);
    }

    private static int[] Permutation(int[] keys) =>
        Enumerable.Range(0, keys.Length).OrderBy(i => keys[i]).ThenBy(i => i).ToArray()
            .Select((oldIndex, newIndex) => (oldIndex, newIndex)).OrderBy(x => x.oldIndex).Select(x => x.newIndex).ToArray();

    private static EpochInput Permute(EpochInput input, int[] p)
    {
        var n = input.NeuronCount;
        var neurons = new NeuronState[n];
        var weights = Epochs.Zeros(n);
        var bonds = Epochs.Zeros(n);
        var previousConsensus = new ushort[input.PreviousConsensus.Length];
        for (var i = 0; i < n; i++)
        {
            neurons[p[i]] = input.Neurons[i];
            if (previousConsensus.Length > 0)
            {
                previousConsensus[p[i]] = input.PreviousConsensus[i];
            }

            for (var j = 0; j < n; j++)
            {
                weights[p[i]][p[j]] = input.Weights[i, j];
                bonds[p[i]][p[j]] = input.Bonds[i, j];
            }
        }

        return input with
        {
            Neurons = [.. neurons],
            Weights = SparseU16Matrix.FromDense(weights),
            Bonds = SparseU16Matrix.FromDense(bonds),
            PreviousConsensus = [.. previousConsensus],
        };
    }

    private static SparseU16Matrix Grow(SparseU16Matrix matrix)
    {
        var dense = matrix.ToDense().Select(row => row.Append((ushort)0).ToArray()).Append(new ushort[matrix.Size + 1]).ToArray();
        return SparseU16Matrix.FromDense(dense);
    }
}
