using System.Collections.Immutable;
using Agora.Yuma;
using BenchmarkDotNet.Attributes;

namespace Agora.Bench.Yuma;

/// <summary>
/// One Yuma epoch on a subnet of n neurons where each validator weights ~10% of the uids (mostly a shared set of good
/// miners, so consensus and bonds are non-trivial, plus a few random ones), with bonds as three previous epochs left
/// them, against a baseline that only reads every stored weight and bond entry once (the memory-bound
/// floor). Report the ratio column: the target is ≤ 10× at n = 4096.
/// The floor reads the same <see cref="SparseU16Matrix"/> objects the epoch receives, every stored entry exactly once
/// (checked in setup), and nothing else; the epoch is the whole public <see cref="YumaEpoch.Run"/> (validation, every
/// step, building the output), run back to back as a node would, so its pooled working arrays are warm as they are in
/// steady state. Timings on a shared machine are noisy: compare the ratio within one run and repeat the run.
/// </summary>
[MemoryDiagnoser]
public class YumaEpochBenchmarks
{
    private EpochInput _input = null!;

    /// <summary>Subnet size; validators are 64, 128 and 256 respectively.</summary>
    [Params(256, 1024, 4096)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var validators = N switch { 256 => 64, 1024 => 128, _ => 256 };
        var random = new Random(20240601);
        var neurons = ImmutableArray.CreateBuilder<NeuronState>(N);
        for (var i = 0; i < N; i++)
        {
            var stake = i < validators ? (ulong)random.NextInt64(1_000_000_000, 1_000_000_000_000) : 0UL;
            neurons.Add(new NeuronState(stake, 9_990, 0, i < validators));
        }

        // Good miners: the N/10 uids after the validators; each validator weights ~90% of them and ~1% of the rest.
        var goodEnd = validators + (N / 10);
        var weights = new SparseU16Matrix.Builder(N);
        for (var i = 0; i < validators; i++)
        {
            for (var j = 0; j < N; j++)
            {
                var good = j >= validators && j < goodEnd;
                if (good ? random.Next(10) != 0 : random.Next(100) == 0)
                {
                    weights.Add(j, (ushort)random.Next(good ? 30_000 : 1, 65536));
                }
            }

            weights.EndRow();
        }

        var first = new EpochInput
        {
            CurrentBlock = 10_000,
            Emission = 1_000_000_000,
            Parameters = new YumaParameters { MaxAllowedValidators = (ushort)validators },
            Neurons = neurons.MoveToImmutable(),
            Weights = weights.Build(),
            Bonds = SparseU16Matrix.Zero(N),
        };
        _input = first;
        for (var e = 1; e <= 3; e++)
        {
            var previous = YumaEpoch.Run(_input);
            _input = _input with { CurrentBlock = 10_000 + ((ulong)e * 360), Bonds = previous.Bonds };
        }

        var entries = CountStoredEntries();
        if (entries != _input.Weights.NonZeroCount + _input.Bonds.NonZeroCount)
        {
            throw new InvalidOperationException($"the floor reads {entries} entries, the input stores {_input.Weights.NonZeroCount + _input.Bonds.NonZeroCount}");
        }
    }

    private long CountStoredEntries()
    {
        long entries = 0;
        foreach (var matrix in new[] { _input.Weights, _input.Bonds })
        {
            for (var i = 0; i < matrix.Size; i++)
            {
                entries += matrix.RowColumns(i).Length;
            }
        }

        return entries;
    }

    /// <summary>The floor: read every stored weight and bond entry (column and value) once.</summary>
    [Benchmark(Baseline = true)]
    public long ReadStoredEntries()
    {
        long checksum = 0;
        foreach (var matrix in new[] { _input.Weights, _input.Bonds })
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

    /// <summary>
    /// The floor plus one exact 64-bit division per stored entry (the operation normalising and upscaling need): the
    /// epoch divides each weight once (row normalisation) and each bond four times (old bonds, delta, moving average,
    /// max-upscaling), so this shows how much of the epoch's time division alone takes on this machine.
    /// </summary>
    [Benchmark]
    public ulong DivideStoredEntries()
    {
        ulong checksum = 0;
        foreach (var matrix in new[] { _input.Weights, _input.Bonds })
        {
            for (var i = 0; i < matrix.Size; i++)
            {
                var columns = matrix.RowColumns(i);
                var values = matrix.RowValues(i);
                for (var k = 0; k < columns.Length; k++)
                {
                    checksum += ((ulong)values[k] << 32) / (ulong)(columns[k] + 65536);
                }
            }
        }

        return checksum;
    }

    /// <summary>One full epoch.</summary>
    [Benchmark]
    public EpochOutput Epoch() => YumaEpoch.Run(_input);
}
