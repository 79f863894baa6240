using Agora.Sdk.Axon;
using Agora.Sdk.Subnets;

namespace Agora.Subnets.Compute.App;

/// <summary>A miner answering with one of the library's miners.</summary>
/// <param name="miner">The miner.</param>
public sealed class ComputeMiner(IComputeMiner miner) : ISubnetMiner<MatrixProductRequest, MatrixProductResponse>
{
    /// <summary>The miner for <c>--kind</c>: <c>honest</c>, <c>wrong</c>, <c>stale</c> or <c>lazy</c>.</summary>
    public static IComputeMiner Create(string kind) => kind switch
    {
        "honest" => new HonestMiner(),
        "wrong" => new WrongMiner(),
        "stale" => new StaleMiner(),
        "lazy" => new LazyMiner(0x4c41_5a59),
        _ => throw new ArgumentException($"unknown miner kind '{kind}'; use --kind honest, wrong, stale or lazy", nameof(kind)),
    };

    /// <inheritdoc />
    public ValueTask<MatrixProductResponse> ForwardAsync(MatrixProductRequest request, SynapseContext context, CancellationToken cancellationToken) =>
        miner.ForwardAsync(request, cancellationToken);
}
