using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Agora.Core.FixedPoint;
using Agora.Yuma.Steps;

namespace Agora.Yuma;

/// <summary>What one epoch produces (spec/yuma.md, Steps). Vectors are indexed by uid.</summary>
public sealed record EpochOutput
{
    /// <summary>Rank: the normalised clipped ranks (equal to <see cref="Incentive"/>).</summary>
    public required ImmutableArray<I32F32> Rank { get; init; }

    /// <summary>Trust: clipped rank over prerank (0 where the prerank is 0).</summary>
    public required ImmutableArray<I32F32> Trust { get; init; }

    /// <summary>Consensus: the κ-stake-weighted median weight per column.</summary>
    public required ImmutableArray<I32F32> Consensus { get; init; }

    /// <summary>Incentive: miners' share of the miner emission.</summary>
    public required ImmutableArray<I32F32> Incentive { get; init; }

    /// <summary>Dividends: validators' share of the validator emission.</summary>
    public required ImmutableArray<I32F32> Dividends { get; init; }

    /// <summary>Validator trust: the sum of a validator's clipped weights (not normalised).</summary>
    public required ImmutableArray<I32F32> ValidatorTrust { get; init; }

    /// <summary>Rao each neuron receives: miner plus validator emission.</summary>
    public required ImmutableArray<ulong> Emission { get; init; }

    /// <summary>Rao from incentive.</summary>
    public required ImmutableArray<ulong> MinerEmission { get; init; }

    /// <summary>Rao from dividends.</summary>
    public required ImmutableArray<ulong> ValidatorEmission { get; init; }

    /// <summary>Rao left over by rounding; carried into the subnet's next epoch.</summary>
    public required ulong Dust { get; init; }

    /// <summary>New validator permits (used by the next epoch).</summary>
    public required ImmutableArray<bool> ValidatorPermit { get; init; }

    /// <summary>New bonds as stored, u16, ready for the next epoch.</summary>
    public required SparseU16Matrix Bonds { get; init; }

    /// <summary>Pruning score per neuron: its emission this epoch in rao (the lowest is replaced on registration).</summary>
    public required ImmutableArray<ulong> PruningScore { get; init; }

    /// <summary>
    /// <see cref="Consensus"/> as the chain stores it for the next epoch, u16 proportions (the reference's
    /// <c>fixed_proportion_to_u16</c>), which liquid alpha's previous mode reads back as
    /// <see cref="EpochInput.PreviousConsensus"/>.
    /// </summary>
    public ImmutableArray<ushort> StoredConsensus()
    {
        var stored = new ushort[Consensus.Length];
        for (var j = 0; j < stored.Length; j++)
        {
            stored[j] = StoredProportion(Consensus[j]);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(stored);
    }

    /// <summary>
    /// One consensus value as <see cref="StoredConsensus"/> stores it (the reference's <c>fixed_proportion_to_u16</c>),
    /// for a chain that keeps the exact value and forms <see cref="EpochInput.PreviousConsensus"/> when it reads.
    /// </summary>
    public static ushort StoredProportion(I32F32 consensus) => BondsStep.ProportionToU16(consensus);
}
