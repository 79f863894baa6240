using Agora.Core.Primitives;

namespace Agora.Sdk.Subnets;

/// <summary>
/// One score for one uid. <paramref name="Hotkey"/> is the hotkey that answered: when the uid has changed hands since,
/// the update is dropped, so a new neuron never inherits its predecessor's score.
/// </summary>
/// <param name="Uid">The scored uid.</param>
/// <param name="Hotkey">The hotkey that held the uid when it answered.</param>
/// <param name="Score">In [0, 1]; 0 for no answer or a wrong one.</param>
public sealed record ScoreUpdate(ushort Uid, AccountId Hotkey, double Score);
