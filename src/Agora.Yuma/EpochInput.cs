using System.Collections.Immutable;

namespace Agora.Yuma;

/// <summary>Everything one epoch of a subnet reads (spec/yuma.md, Inputs). Neuron i is uid i.</summary>
public sealed record EpochInput
{
    /// <summary>The block the epoch runs at.</summary>
    public required ulong CurrentBlock { get; init; }

    /// <summary>
    /// Block of this subnet's previous epoch; null means <c>current_block − tempo − 1</c> (every neuron counts as
    /// recently registered when that is negative).
    /// </summary>
    public ulong? LastEpochBlock { get; init; }

    /// <summary>Rao to distribute this epoch (after the owner's cut, plus any dust carried in).</summary>
    public required ulong Emission { get; init; }

    /// <summary>Subnet hyperparameters.</summary>
    public YumaParameters Parameters { get; init; } = YumaParameters.Default;

    /// <summary>Per-neuron state, indexed by uid.</summary>
    public required ImmutableArray<NeuronState> Neurons { get; init; }

    /// <summary>Weights, u16, row = the neuron that set them.</summary>
    public required SparseU16Matrix Weights { get; init; }

    /// <summary>Bonds as stored after the previous epoch, u16, row = the neuron that holds them.</summary>
    public required SparseU16Matrix Bonds { get; init; }

    /// <summary>
    /// The previous epoch's consensus as the chain stores it, u16 proportions (65535 = 1), one per neuron; empty for
    /// none (all zero). Read only by liquid alpha in <see cref="LiquidAlphaConsensusMode.Previous"/> mode.
    /// </summary>
    public ImmutableArray<ushort> PreviousConsensus { get; init; } = [];

    /// <summary>Number of neurons.</summary>
    public int NeuronCount => Neurons.Length;

    /// <summary>
    /// Problems that make this input unusable (dimensions, ranges, limits), each naming the field; empty when valid.
    /// <see cref="YumaEpoch.Run"/> throws on an invalid input, so callers holding user data check here first.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var n = Neurons.IsDefault ? 0 : Neurons.Length;
        if (Neurons.IsDefault)
        {
            errors.Add("neurons: missing");
        }

        if (n > YumaLimits.NeuronCountMax)
        {
            errors.Add($"neurons: at most {YumaLimits.NeuronCountMax} neurons, got {n}");
        }

        if (Weights is null)
        {
            errors.Add("weights: missing");
        }
        else if (Weights.Size != n)
        {
            errors.Add($"weights: expected {n} rows (one per neuron), got {Weights.Size}");
        }

        if (Bonds is null)
        {
            errors.Add("bonds: missing");
        }
        else if (Bonds.Size != n)
        {
            errors.Add($"bonds: expected {n} rows (one per neuron), got {Bonds.Size}");
        }

        if (Parameters is null)
        {
            errors.Add("parameters: missing");
        }
        else if (Parameters.BondsMovingAverage > YumaParameters.BondsMovingAverageMax)
        {
            errors.Add($"bonds_moving_average: expected at most {YumaParameters.BondsMovingAverageMax} (parts per million), got {Parameters.BondsMovingAverage}");
        }

        if (!PreviousConsensus.IsDefaultOrEmpty && PreviousConsensus.Length != n)
        {
            errors.Add($"previous_consensus: expected {n} values (one per neuron), got {PreviousConsensus.Length}");
        }

        if (Parameters is not null && Parameters.AlphaLow > Parameters.AlphaHigh)
        {
            errors.Add($"alpha_low: expected at most alpha_high ({Parameters.AlphaHigh}), got {Parameters.AlphaLow}");
        }

        return errors;
    }
}
