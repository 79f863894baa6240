namespace Agora.Subnets.Compute;

/// <summary>
/// A miner of the compute subnet: answers a matrix-product request. Every miner here, honest or cheating, has this
/// shape, so the framework's miner host serves any of them the same way.
/// </summary>
public interface IComputeMiner
{
    /// <summary>Answers <paramref name="request"/>.</summary>
    /// <exception cref="ComputeRequestException">The request is malformed (the host answers 400 with its problem).</exception>
    ValueTask<MatrixProductResponse> ForwardAsync(MatrixProductRequest request, CancellationToken cancellationToken);
}
