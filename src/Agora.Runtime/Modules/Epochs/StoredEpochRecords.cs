namespace Agora.Runtime.Modules.Epochs;

/// <summary>A uid's stored outputs record and bonds row, as bytes (null = absent).</summary>
/// <param name="Outputs">The encoded <see cref="NeuronOutputs"/>.</param>
/// <param name="Bonds">The encoded bonds row.</param>
public readonly record struct StoredEpochRecords(byte[]? Outputs, byte[]? Bonds);
