namespace Agora.Subnets.Compute;

/// <summary>
/// Replays old work: computes its first task honestly, then answers every later task with that first product under
/// the new task id, the way a miner that caches or copies answers would. Right shape and task id, wrong entries
/// (or the wrong shape, when the task's shape changed).
/// </summary>
public sealed class StaleMiner : IComputeMiner
{
    private readonly Lock _lock = new();
    private FieldMatrix? _firstProduct;

    /// <inheritdoc/>
    public ValueTask<MatrixProductResponse> ForwardAsync(MatrixProductRequest request, CancellationToken cancellationToken)
    {
        ComputeRequestException.ThrowIfInvalid(request);
        FieldMatrix product;
        lock (_lock)
        {
            _firstProduct ??= MatrixMultiplier.Multiply(request.A, request.B, cancellationToken: cancellationToken);
            product = _firstProduct;
        }

        return ValueTask.FromResult(new MatrixProductResponse(request.TaskId, product));
    }
}
