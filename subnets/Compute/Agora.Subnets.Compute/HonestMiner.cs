namespace Agora.Subnets.Compute;

/// <summary>Computes every product exactly (<see cref="MatrixMultiplier"/>), on up to <paramref name="degreeOfParallelism"/> threads.</summary>
/// <param name="degreeOfParallelism">Threads to split the rows over; 1 computes on the caller's thread.</param>
public sealed class HonestMiner(int degreeOfParallelism = 1) : IComputeMiner
{
    /// <inheritdoc/>
    public ValueTask<MatrixProductResponse> ForwardAsync(MatrixProductRequest request, CancellationToken cancellationToken)
    {
        ComputeRequestException.ThrowIfInvalid(request);
        var product = MatrixMultiplier.Multiply(request.A, request.B, degreeOfParallelism, cancellationToken);
        return ValueTask.FromResult(new MatrixProductResponse(request.TaskId, product));
    }
}
