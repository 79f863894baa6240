using Agora.Core.Primitives;
using Agora.Protocol.Modules;
using Agora.Protocol.Neurons;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Modules.Neurons;

/// <summary>
/// Which neuron a registration on a full subnet replaces (DESIGN §3): among those past their immunity
/// (<c>block_at_registration + immunity_period ≤ now</c>), the lowest pruning score (the emission of its last epoch),
/// ties going to the earlier registration, then the lower uid.
/// </summary>
public static class NeuronPruning
{
    /// <summary>
    /// The neuron to replace on <paramref name="netuid"/>, or null with <paramref name="error"/> set when every neuron is
    /// still immune (saying at which block the first stops being so).
    /// </summary>
    public static PruningChoice? Choose(IStateReader state, ushort netuid, ulong now, ulong immunityPeriod, out CallError? error)
    {
        ArgumentNullException.ThrowIfNull(state);
        error = null;
        var prefix = NeuronKeys.NeuronsOn(netuid);
        (ushort Uid, NeuronInfo Neuron, Rao Score)? lowest = null;
        ushort nonImmune = 0, immune = 0;
        var firstImmunityEnd = ulong.MaxValue;
        foreach (var entry in state.Iterate(prefix))
        {
            var uid = StateKey.NetuidAt(entry.Key, prefix.Length);
            var neuron = NeuronInfo.Decode(entry.Value);
            var immunityEnd = neuron.BlockAtRegistration + immunityPeriod;
            if (immunityEnd > now)
            {
                immune++;
                firstImmunityEnd = immunityEnd < firstImmunityEnd ? immunityEnd : firstImmunityEnd;
                continue;
            }

            nonImmune++;
            var score = EpochState.Outputs(state, netuid, uid).Emission;
            if (lowest is not { } current || IsLower((score, neuron.BlockAtRegistration, uid), (current.Score, current.Neuron.BlockAtRegistration, current.Uid)))
            {
                lowest = (uid, neuron, score);
            }
        }

        if (lowest is not { } chosen)
        {
            error = NeuronsError.AllNeuronsImmune.Because(
                $"subnet {netuid} is full and all {immune} neurons are immune; the first stops being immune at block {firstImmunityEnd}, register then");
            return null;
        }

        // The chosen neuron is the lowest by construction; the rank and counts tell readers where it stood.
        return new PruningChoice(chosen.Uid, chosen.Neuron, chosen.Score, 1, nonImmune, immune);
    }

    private static bool IsLower((Rao Score, ulong Block, ushort Uid) candidate, (Rao Score, ulong Block, ushort Uid) current) =>
        candidate.Score != current.Score ? candidate.Score < current.Score
        : candidate.Block != current.Block ? candidate.Block < current.Block
        : candidate.Uid < current.Uid;
}
