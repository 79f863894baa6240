using Agora.Testing.Yuma;
using Agora.Yuma;
using BenchmarkDotNet.Attributes;

namespace Agora.Bench.Yuma;

/// <summary>
/// How an epoch's cost grows: with the stored entries, not with n². 256 validators throughout; the cases hold n at
/// 4096 while the weights' density goes from 5% to 40% (8× the entries), and hold the entries near 100,000 (each
/// validator weighting ~400 uids) while n goes from 1024 to 4096 (16× the n² cells). Each case reports the epoch and
/// its own floor (one read of every stored weight and bond entry), so time per stored entry can be compared across
/// cases.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class YumaScalingBenchmarks
{
    private EpochInput _input = null!;

    /// <summary>Subnet size and weight density, as "n/percent".</summary>
    [Params("1024/40", "2048/20", "4096/5", "4096/10", "4096/20", "4096/40")]
    public string Case { get; set; } = "4096/10";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Case.Split('/');
        _input = BenchmarkSubnet.Create(int.Parse(parts[0]), validators: 256, densityPercent: int.Parse(parts[1]));
        Console.WriteLine($"// {Case}: {_input.Weights.NonZeroCount} weights, {_input.Bonds.NonZeroCount} bonds stored");
    }

    /// <summary>The floor: read every stored weight and bond entry (column and value) once.</summary>
    [Benchmark(Baseline = true)]
    public long ReadStoredEntries() => BenchmarkSubnet.ReadStoredEntries(_input);

    /// <summary>One full epoch.</summary>
    [Benchmark]
    public EpochOutput Epoch() => YumaEpoch.Run(_input);
}
