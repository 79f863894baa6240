using System.Collections.Immutable;
using Agora.Yuma;

namespace Agora.Bench.Yuma;

/// <summary>
/// The subnet the Yuma benchmarks run: n neurons of which the first 64, 128 or 256 (n = 256, 1024, 4096) are
/// validators; each validator weights ~90% of the n/10 good miners after them and ~1% of the rest, so consensus and
/// bonds are non-trivial; bonds are as three epochs leave them. Also the floor every Yuma benchmark is measured
/// against: one read of every stored weight and bond entry.
/// </summary>
internal static class BenchmarkSubnet
{
    /// <summary>Builds the input for the next epoch of a subnet of <paramref name="n"/> neurons.</summary>
    public static EpochInput Create(int n)
    {
        var validators = n switch { 256 => 64, 1024 => 128, _ => 256 };
        var random = new Random(20240601);
        var neurons = ImmutableArray.CreateBuilder<NeuronState>(n);
        for (var i = 0; i < n; i++)
        {
            var stake = i < validators ? (ulong)random.NextInt64(1_000_000_000, 1_000_000_000_000) : 0UL;
            neurons.Add(new NeuronState(stake, 9_990, 0, i < validators));
        }

        var goodEnd = validators + (n / 10);
        var weights = new SparseU16Matrix.Builder(n);
        for (var i = 0; i < validators; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var good = j >= validators && j < goodEnd;
                if (good ? random.Next(10) != 0 : random.Next(100) == 0)
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
            Parameters = new YumaParameters { MaxAllowedValidators = (ushort)validators },
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
