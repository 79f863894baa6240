using Agora.Testing.Yuma;
using Agora.Yuma;
using BenchmarkDotNet.Attributes;

namespace Agora.Bench.Yuma;

/// <summary>
/// The epoch under each bond model at n = 4096 (256 validators, each weighting ~10% of the uids): the classic model,
/// Yuma 3, and Yuma 3 with liquid alpha at the reference's defaults. Each model's bonds are as three epochs under that
/// model leave them, and each case has its own floor (one read of every stored weight and bond entry).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class YumaBondModelBenchmarks
{
    private EpochInput _input = null!;

    /// <summary>The bond model.</summary>
    [Params("classic", "yuma3", "yuma3+liquid-alpha")]
    public string Model { get; set; } = "classic";

    [GlobalSetup]
    public void Setup()
    {
        var parameters = Model switch
        {
            "classic" => YumaParameters.Default,
            "yuma3" => YumaParameters.Default with { Yuma3Enabled = true },
            _ => YumaParameters.Default with { Yuma3Enabled = true, LiquidAlphaEnabled = true },
        };
        _input = BenchmarkSubnet.Create(4096, validators: 256, densityPercent: 10, parameters);
        Console.WriteLine($"// {Model}: {_input.Weights.NonZeroCount} weights, {_input.Bonds.NonZeroCount} bonds stored");
    }

    /// <summary>The floor: read every stored weight and bond entry (column and value) once.</summary>
    [Benchmark(Baseline = true)]
    public long ReadStoredEntries() => BenchmarkSubnet.ReadStoredEntries(_input);

    /// <summary>One full epoch.</summary>
    [Benchmark]
    public EpochOutput Epoch() => YumaEpoch.Run(_input);
}
