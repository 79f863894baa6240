using Agora.Subnets.Compute;
using BenchmarkDotNet.Attributes;

namespace Agora.Bench.Subnets;

/// <summary>
/// What the compute subnet's validator saves: checking a claimed n×n product mod 2^31 − 1 with Freivalds' test
/// (O(t · n²)) against recomputing it (O(n³), the baseline, which is also what an honest miner spends).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class FreivaldsBenchmarks
{
    private FieldMatrix _a = null!;
    private FieldMatrix _b = null!;
    private FieldMatrix _c = null!;
    private Random _random = null!;

    /// <summary>Side of the square matrices.</summary>
    [Params(256, 512)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var request = new MatrixTaskGenerator(seed: 1).Generate(taskId: 1, MatrixShape.Square(N));
        _a = request.A;
        _b = request.B;
        _c = MatrixMultiplier.Multiply(_a, _b);
        _random = new Random(1);
    }

    /// <summary>The certain check: recompute A · B on one thread and compare.</summary>
    [Benchmark(Baseline = true)]
    public bool Recompute() => RecomputeCheck.Verify(_a, _b, _c);

    /// <summary>The validator's default: two rounds with field vectors, miss probability ≤ p^-2 ≈ 2^-62.</summary>
    [Benchmark]
    public bool FreivaldsFieldTwoRounds() =>
        FreivaldsCheck.Verify(_a, _b, _c, _random, ResponseJudge.DefaultRounds, FreivaldsVectors.Field);

    /// <summary>Freivalds' original test, 20 rounds of r ∈ {0,1}: miss probability ≤ 2^-20.</summary>
    [Benchmark]
    public bool FreivaldsBinaryTwentyRounds() =>
        FreivaldsCheck.Verify(_a, _b, _c, _random, 20, FreivaldsVectors.Binary);
}
