namespace Agora.Yuma;

/// <summary>The subnet hyperparameters the epoch reads (spec/yuma.md, Inputs), with the reference defaults.</summary>
public sealed record YumaParameters
{
    /// <summary>The reference chain's defaults.</summary>
    public static YumaParameters Default { get; } = new();

    /// <summary>Blocks between epochs (default 360).</summary>
    public ulong Tempo { get; init; } = 360;

    /// <summary>A neuron whose last weights are older than this many blocks is inactive (default 5000).</summary>
    public ulong ActivityCutoff { get; init; } = 5000;

    /// <summary>Consensus majority κ as a u16 proportion (default 32767 → 32767/65535).</summary>
    public ushort Kappa { get; init; } = 32767;

    /// <summary>Bonds penalty β as a u16 proportion (default 65535 → 1).</summary>
    public ushort BondsPenalty { get; init; } = 65535;

    /// <summary>Bonds moving average in parts per million, at most <see cref="BondsMovingAverageMax"/> (default 900000 → α = 0.1).</summary>
    public ulong BondsMovingAverage { get; init; } = 900_000;

    /// <summary>How many neurons get a validator permit (default 64).</summary>
    public ushort MaxAllowedValidators { get; init; } = 64;

    /// <summary>The largest valid <see cref="BondsMovingAverage"/> (one million parts per million).</summary>
    public const ulong BondsMovingAverageMax = 1_000_000;
}
