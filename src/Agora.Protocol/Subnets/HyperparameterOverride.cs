namespace Agora.Protocol.Subnets;

/// <summary>A hyperparameter value that differs from the chain's defaults.</summary>
public readonly record struct HyperparameterOverride(HyperparameterId Parameter, ulong Value);
