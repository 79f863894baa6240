namespace Agora.Sdk.Client;

/// <summary>A neuron's axon as the node reports it.</summary>
/// <param name="Ip">IPv4 dotted or IPv6 text.</param>
/// <param name="Port">TCP port.</param>
/// <param name="Protocol">Protocol number (0 = HTTP, the axon protocol).</param>
/// <param name="Version">The software version it announced.</param>
public sealed record AxonEndpoint(string Ip, ushort Port, byte Protocol, uint Version);
