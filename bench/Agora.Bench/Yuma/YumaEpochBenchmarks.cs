using Agora.Testing.Yuma;
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
[MinColumn]
[MedianColumn]
public class YumaEpochBenchmarks
{
    private EpochInput _input = null!;
    private int[] _columnStart = [];
    private int[] _fill = [];
    private long[] _gathered = [];
    private EpochDataMovement _dataMovement = null!;

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

        // Where each column's weights go when gathered; counted here, so the gathering benchmark leaves it out.
        _columnStart = new int[N + 1];
        for (var i = 0; i < N; i++)
        {
            foreach (var column in _input.Weights.RowColumns(i))
            {
                _columnStart[column + 1]++;
            }
        }

        for (var j = 0; j < N; j++)
        {
            _columnStart[j + 1] += _columnStart[j];
        }

        _fill = new int[N];
        _gathered = new long[_input.Weights.NonZeroCount];
        _dataMovement = new EpochDataMovement(_input);
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
    /// The floor plus the exact 64-bit divisions the spec's truncating I32F32 arithmetic implies on this input, done
    /// with the hardware divider: one per stored weight (row normalisation) and four per stored bond (old bonds, the
    /// delta and the moving average normalised per column, max-upscaling; the delta's and the moving average's cells
    /// lie where the bonds do). It shows how much of the epoch's time division alone takes on this machine.
    /// </summary>
    [Benchmark]
    public ulong DivideAsTheEpochMust()
    {
        ulong checksum = 0;
        var weights = _input.Weights;
        for (var i = 0; i < weights.Size; i++)
        {
            var columns = weights.RowColumns(i);
            var values = weights.RowValues(i);
            for (var k = 0; k < columns.Length; k++)
            {
                checksum += ((ulong)values[k] << 32) / (ulong)(columns[k] + 65536);
            }
        }

        var bonds = _input.Bonds;
        for (var i = 0; i < bonds.Size; i++)
        {
            var columns = bonds.RowColumns(i);
            var values = bonds.RowValues(i);
            for (var k = 0; k < columns.Length; k++)
            {
                // Four independent divisions, as in the epoch (each by its own column's divisor).
                var dividend = (ulong)values[k] << 32;
                var divisor = (ulong)(columns[k] + 65536);
                checksum += (dividend / divisor) + (dividend / (divisor + 1)) + (dividend / (divisor + 2)) + (dividend / (divisor + 3));
            }
        }

        return checksum;
    }

    /// <summary>
    /// <see cref="DivideAsTheEpochMust"/> plus gathering every stored weight into its column (packed with its row), as
    /// the weighted-median consensus needs each column's weights together; the column counts come free from setup.
    /// (The epoch gathers only the columns whose consensus their summary leaves open, 91% of the weights at n = 4096.)
    /// Nearly a lower bound for an exact epoch of this design: it still computes no median, product or output.
    /// </summary>
    [Benchmark]
    public ulong DivideAndGatherAsTheEpochMust()
    {
        var checksum = DivideAsTheEpochMust();
        _columnStart.AsSpan(0, N).CopyTo(_fill);
        var weights = _input.Weights;
        for (var i = 0; i < weights.Size; i++)
        {
            var columns = weights.RowColumns(i);
            var values = weights.RowValues(i);
            for (var k = 0; k < columns.Length; k++)
            {
                _gathered[_fill[columns[k]]++] = ((long)values[k] << 16) | (long)i;
            }
        }

        return checksum + (ulong)_gathered[^1];
    }

    /// <summary>
    /// The epoch's sweeps over the stored entries with their arithmetic left out (<see cref="EpochDataMovement"/>):
    /// what moving the data alone costs, next to the floor's single read.
    /// </summary>
    [Benchmark]
    public long MoveDataAsTheEpochMust() => _dataMovement.Run();

    /// <summary>One full epoch.</summary>
    [Benchmark]
    public EpochOutput Epoch() => YumaEpoch.Run(_input);
}
