using Agora.Sdk.Axon;

namespace Agora.Sdk.Subnets;

/// <summary>
/// What a subnet's miner does: answer one request. The <see cref="MinerHost{TRequest, TResponse}"/> serves it on an
/// axon, which has already checked the caller's signature, registration, nonce and rate before calling it.
/// </summary>
/// <typeparam name="TRequest">The synapse's request record.</typeparam>
/// <typeparam name="TResponse">The synapse's response record.</typeparam>
public interface ISubnetMiner<TRequest, TResponse>
{
    /// <summary>The miner's answer to <paramref name="request"/> from the verified caller in <paramref name="context"/>.</summary>
    ValueTask<TResponse> ForwardAsync(TRequest request, SynapseContext context, CancellationToken cancellationToken);
}
