using System.Collections.Immutable;
using Agora.Yuma;

namespace Agora.Testing.Yuma;

/// <summary>
/// The subnet the Yuma benchmarks run: n neurons of which the first ones are validators; each validator weights ~90%
/// of a block of good miners after them (d% of n) and ~d/10 % of the rest, so each weights about d% of the uids and
/// consensus and bonds are non-trivial; bonds are as three epochs leave them. Also the floor every Yuma benchmark is
/// measured against: one read of every stored weight and bond entry. Shared by the Yuma benchmarks and the allocation
/// budget tests, so both measure the same subnet.
/// </summary>
public static class BenchmarkSubnet
{
    /// <summary>
    /// The input for the next epoch of a subnet of <paramref name="n"/> neurons, 64, 128 or 256 of them validators
    /// (n = 256, 1024, 4096), each weighting ~10% of the uids.
    /// </summary>
    public static EpochInput Create(int n) => Create(n, Validators(n), densityPercent: 10);

    /// <summary>The validators of the benchmark subnet of <paramref name="n"/> neurons: 64, 128 or 256 (n = 256, 1024, 4096).</summary>
    public static int Validators(int n) => n switch { 256 => 64, 1024 => 128, _ => 256 };

    /// <summary>
    /// The input for the next epoch of a subnet of <paramref name="n"/> neurons, the first
    /// <paramref name="validators"/> of them validators, each weighting about <paramref name="densityPercent"/>% of
    /// the uids (5, 10, 20 or 40: it must divide 100 and leave the good block inside the subnet).
    /// </summary>
    public static EpochInput Create(int n, int validators, int densityPercent) => Create(n, validators, densityPercent, YumaParameters.Default);

    /// <summary>
    /// <see cref="Create(int, int, int)"/> under other hyperparameters (a bond model, say), which the three epochs
    /// that leave the bonds run too; the validator count is always the permit count.
    /// </summary>
    public static EpochInput Create(int n, int validators, int densityPercent, YumaParameters parameters)
    {
        // ~90% of the good block plus 1 in restDraws of the rest; at 10% this is 1 in 100, the original subnet's draw.
        var restDraws = 1000 / densityPercent;
        var random = new Random(20240601);
        var neurons = ImmutableArray.CreateBuilder<NeuronState>(n);
        for (var i = 0; i < n; i++)
        {
            var stake = i < validators ? (ulong)random.NextInt64(1_000_000_000, 1_000_000_000_000) : 0UL;
            neurons.Add(new NeuronState(stake, 9_990, 0, i < validators));
        }

        var goodEnd = validators + (n * densityPercent / 100);
        var weights = new SparseU16Matrix.Builder(n);
        for (var i = 0; i < validators; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var good = j >= validators && j < goodEnd;
                if (good ? random.Next(10) != 0 : random.Next(restDraws) == 0)
                {
                    weights.Add(j, (ushort)random.Next(good ? 30_000 : 1, 65536));
                }
            }

            weights.EndRow();
        }

        var input = new EpochInput
        {
            CurrentBlock = 10_000,
            Emission = 1_000_000_000,
            Parameters = parameters with { MaxAllowedValidators = (ushort)validators },
            Neurons = neurons.MoveToImmutable(),
            Weights = weights.Build(),
            Bonds = SparseU16Matrix.Zero(n),
        };
        for (var e = 1; e <= 3; e++)
        {
            var previous = YumaEpoch.Run(input);
            input = input with { CurrentBlock = 10_000 + ((ulong)e * 360), Bonds = previous.Bonds };
        }

        return input;
    }

    /// <summary>The floor: reads every stored weight and bond entry (column and value) once.</summary>
    public static long ReadStoredEntries(EpochInput input)
    {
        long checksum = 0;
        foreach (var matrix in new[] { input.Weights, input.Bonds })
        {
            for (var i = 0; i < matrix.Size; i++)
            {
                var columns = matrix.RowColumns(i);
                var values = matrix.RowValues(i);
                for (var k = 0; k < columns.Length; k++)
                {
                    checksum += columns[k] ^ values[k];
                }
            }
        }

        return checksum;
    }
}
