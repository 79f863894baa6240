using Agora.Core.Primitives;

namespace Agora.Runtime.Modules.Emission;

/// <summary>
/// Block emission with halvings: the start emission halves each time total issuance crosses 50%, 75%,
/// 87.5%, ... of the supply cap, and a block never mints past the cap.
/// </summary>
public static class EmissionSchedule
{
    /// <summary>
    /// How many halvings have happened at <paramref name="totalIssuance"/>: the largest k with
    /// <c>cap − issuance ≤ cap / 2^k</c> (k = 0 below half the cap).
    /// </summary>
    public static int Halvings(Rao totalIssuance, Rao supplyCap)
    {
        if (totalIssuance >= supplyCap)
        {
            return 64;
        }

        var remaining = supplyCap.Value - totalIssuance.Value;
        var halvings = 0;
        while (halvings < 63 && remaining <= supplyCap.Value >> (halvings + 1))
        {
            halvings++;
        }

        return halvings;
    }

    /// <summary>The emission of the next block at <paramref name="totalIssuance"/>.</summary>
    public static Rao BlockEmission(Rao totalIssuance, ChainParameters parameters)
    {
        var halvings = Halvings(totalIssuance, parameters.SupplyCap);
        if (halvings >= 64)
        {
            return Rao.Zero;
        }

        var emission = new Rao(parameters.BlockEmissionStart.Value >> halvings);
        return Rao.Min(emission, parameters.SupplyCap - totalIssuance);
    }

    /// <summary>The issuance at which the next halving happens, or null past the last one.</summary>
    public static Rao? NextHalvingAt(Rao totalIssuance, Rao supplyCap)
    {
        var halvings = Halvings(totalIssuance, supplyCap);
        return halvings >= 63 ? null : new Rao(supplyCap.Value - (supplyCap.Value >> (halvings + 1)));
    }
}
