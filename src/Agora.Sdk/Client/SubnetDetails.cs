using System.Text.Json;

namespace Agora.Sdk.Client;

/// <summary>The result of <c>agora_getSubnet</c>: the listed fields, the description and the hyperparameters.</summary>
/// <param name="Subnet">What <c>agora_getSubnets</c> lists.</param>
/// <param name="Description">The description given at proposal.</param>
/// <param name="Hyperparameters">Name → value (number, bool or mode name); null for root.</param>
public sealed record SubnetDetails(SubnetSummary Subnet, string Description, IReadOnlyDictionary<string, JsonElement>? Hyperparameters);
