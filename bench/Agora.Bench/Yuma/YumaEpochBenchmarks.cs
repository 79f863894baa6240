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
        _input = BenchmarkSubnet.Create(N);
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
    public long ReadStoredEntries() => BenchmarkSubnet.ReadStoredEntries(_input);

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
