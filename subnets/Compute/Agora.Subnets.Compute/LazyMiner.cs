namespace Agora.Subnets.Compute;

/// <summary>Does no work: answers with a matrix of random residues of the right shape, under the right task id.</summary>
/// <param name="seed">Seed of its random answers.</param>
public sealed class LazyMiner(ulong seed) : IComputeMiner
{
    private readonly Lock _lock = new();
    private readonly SplitMix64 _random = new(seed);

    /// <inheritdoc/>
    public ValueTask<MatrixProductResponse> ForwardAsync(MatrixProductRequest request, CancellationToken cancellationToken)
    {
        ComputeRequestException.ThrowIfInvalid(request);
        FieldMatrix guess;
        lock (_lock)
        {
            guess = _random.NextMatrix(request.A.Rows, request.B.Cols);
        }

        return ValueTask.FromResult(new MatrixProductResponse(request.TaskId, guess));
    }
}
