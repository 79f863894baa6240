namespace Agora.Yuma;

/// <summary>What the epoch reads about one neuron (uid = its index).</summary>
/// <param name="Stake">Stake in rao.</param>
/// <param name="LastUpdate">Block of its last weights.</param>
/// <param name="BlockAtRegistration">Block it was (last) registered at.</param>
/// <param name="ValidatorPermit">The permit it holds from the previous epoch.</param>
public readonly record struct NeuronState(ulong Stake, ulong LastUpdate, ulong BlockAtRegistration, bool ValidatorPermit);
