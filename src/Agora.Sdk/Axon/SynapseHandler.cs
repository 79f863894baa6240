namespace Agora.Sdk.Axon;

/// <summary>A miner's answer to one synapse request; runs only after the axon has accepted the request.</summary>
/// <typeparam name="TRequest">The request record.</typeparam>
/// <typeparam name="TResponse">The response record.</typeparam>
/// <param name="request">The request body.</param>
/// <param name="context">The verified caller.</param>
/// <param name="cancellationToken">Cancelled when the caller goes away or the axon stops.</param>
public delegate ValueTask<TResponse> SynapseHandler<TRequest, TResponse>(TRequest request, SynapseContext context, CancellationToken cancellationToken);
