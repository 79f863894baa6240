using Agora.Sdk.Dendrite;
using Agora.Sdk.Subnets;

namespace Agora.Subnets.Compute.App;

/// <summary>
/// Sends each round a seeded matrix product (task id = round number), checks every answer with
/// <see cref="ResponseJudge"/> (structure, then Freivalds) and scores it at once with <see cref="ComputeScorer"/>.
/// </summary>
public sealed class ComputeValidator : ISubnetValidator<MatrixProductRequest, MatrixProductResponse>
{
    private readonly ComputeValidatorOptions _options;
    private readonly MatrixTaskGenerator _tasks;
#pragma warning disable CA5394 // Freivalds vectors need unpredictability to miners, not cryptographic strength; seeded for replay
    private readonly Random _vectors;
#pragma warning restore CA5394

    /// <summary>A validator asking as <paramref name="options"/> say.</summary>
    public ComputeValidator(ComputeValidatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _tasks = new MatrixTaskGenerator(options.Seed);
        _vectors = new Random(unchecked((int)options.Seed));
    }

    /// <inheritdoc />
    public MatrixProductRequest CreateQuery(ValidatorRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return _tasks.Generate((ulong)round.Number, new MatrixShape(_options.Rows, _options.Inner, _options.Cols));
    }

    /// <inheritdoc />
    public IReadOnlyList<ScoreUpdate> Score(ValidatorRound round, MatrixProductRequest request, IReadOnlyList<DendriteResult<MatrixProductResponse>> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return [.. results.Select(r => new ScoreUpdate(
            r.Target.Uid!.Value,
            r.Target.Hotkey,
            ComputeScorer.Score(ResponseJudge.Judge(request, r.Response, _vectors), r.Latency, _options.Deadline)))];
    }
}
