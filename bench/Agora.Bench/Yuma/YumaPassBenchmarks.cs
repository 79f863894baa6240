using Agora.Core.FixedPoint;
using Agora.Testing.Yuma;
using Agora.Yuma;
using Agora.Yuma.Steps;
using BenchmarkDotNet.Attributes;

namespace Agora.Bench.Yuma;

/// <summary>
/// The epoch's passes one by one at n = 4096, each against the same floor as <see cref="YumaEpochBenchmarks"/>, so
/// work on one pass can be measured on its own. Every pass gets the inputs the epoch would give it (prepared once in
/// setup) and gives back what it rented, as in the epoch.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class YumaPassBenchmarks
{
    private EpochInput _input = null!;
    private I32F32[] _activeStake = [];
    private FixedCsr _weights = null!;
    private ConsensusStakes _consensusStakes = null!;
    private ColumnTotals _totals = null!;
    private ulong[] _oldColumnSums = [];
    private MovingAverageRows _movingAverage = null!;
    private I32F32[] _incentive = [];
    private bool[] _newPermits = [];

    [GlobalSetup]
    public void Setup()
    {
        _input = BenchmarkSubnet.Create(4096);
        var neurons = _input.Neurons.AsSpan();
        var parameters = _input.Parameters;
        var stake = StakeStep.Normalize(neurons);
        _newPermits = ValidatorPermitStep.TopK(stake, parameters.MaxAllowedValidators);
        _activeStake = StakeStep.Active(stake, ActivityStep.Inactive(neurons, parameters.ActivityCutoff, _input.CurrentBlock), neurons);
        _weights = WeightsStep.Prepare(_input.Weights, neurons);
        _consensusStakes = ConsensusStep.Stakes(_activeStake, ConsensusStep.Kappa(parameters.Kappa));
        _totals = ColumnPass.Run(_weights, _activeStake, _consensusStakes, BondsStep.Penalty(parameters.BondsPenalty));
        _incentive = RankStep.Incentive(_totals.Ranks);
        var recent = ActivityStep.RecentlyRegistered(neurons, _input.LastEpochBlock, _input.CurrentBlock, parameters.Tempo);
        _oldColumnSums = BondsStep.OldColumnSums(_input.Bonds, recent);
        _movingAverage = MovingAveragePass.Run(_weights, _totals, _activeStake, parameters, _input.Bonds, _oldColumnSums);
    }

    /// <summary>The floor: read every stored weight and bond entry once.</summary>
    [Benchmark(Baseline = true)]
    public long ReadStoredEntries() => BenchmarkSubnet.ReadStoredEntries(_input);

    /// <summary>Step 5: row-normalised weights.</summary>
    [Benchmark]
    public int PrepareWeights()
    {
        var weights = WeightsStep.Prepare(_input.Weights, _input.Neurons.AsSpan());
        weights.ReturnToPool();
        return weights.NonZeroCount;
    }

    /// <summary>
    /// Steps 6–10 per column: column summaries, gathering the open columns' weights, preranks, consensus, ranks,
    /// delta column sums.
    /// </summary>
    [Benchmark]
    public I32F32[] Columns() =>
        ColumnPass.Run(_weights, _activeStake, _consensusStakes, BondsStep.Penalty(_input.Parameters.BondsPenalty)).Consensus;

    /// <summary>Old bonds' column sums.</summary>
    [Benchmark]
    public ulong[] OldBondColumnSums() => BondsStep.OldColumnSums(_input.Bonds, new bool[_input.NeuronCount]);

    /// <summary>Steps 8 and 10 per row: validator trust and the bonds moving average.</summary>
    [Benchmark]
    public int MovingAverage()
    {
        var rows = MovingAveragePass.Run(_weights, _totals, _activeStake, _input.Parameters, _input.Bonds, _oldColumnSums);
        rows.Bonds.ReturnToPool();
        return rows.Bonds.NonZeroCount;
    }

    /// <summary>Steps 10 and 11 per row: normalised bonds, dividends, stored bonds.</summary>
    [Benchmark]
    public SparseU16Matrix Dividends() =>
        DividendsPass.Run(_movingAverage, _incentive, _newPermits, _input.Neurons.AsSpan(), _input.Bonds).StoredBonds;
}
