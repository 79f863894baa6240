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

    /// <summary>
    /// Use the Yuma 3 bond model (the reference's <c>yuma3_enabled</c>; default false, the classic model of spec/yuma.md
    /// step 10): bonds are stored as u16 proportions of 1 rather than max-upscaled per column, move towards a
    /// validator's own weights for bonds by the moving average (not towards its stake-weighted share), and dividends
    /// weigh each validator's column-normalised bonds by its stake.
    /// </summary>
    public bool Yuma3Enabled { get; init; }

    /// <summary>
    /// Liquid alpha (the reference's <c>liquid_alpha_enabled</c>; default false): with the Yuma 3 bond model, each bond
    /// moves by its own α between <see cref="AlphaLow"/> and <see cref="AlphaHigh"/>, from a sigmoid of how far its
    /// validator's weight leads consensus (buying) or its bond leads its weight (selling). No effect on the classic
    /// model, as on the reference chain.
    /// </summary>
    public bool LiquidAlphaEnabled { get; init; }

    /// <summary>Which consensus liquid alpha measures leads against (default <see cref="LiquidAlphaConsensusMode.Auto"/>).</summary>
    public LiquidAlphaConsensusMode LiquidAlphaConsensusMode { get; init; } = LiquidAlphaConsensusMode.Auto;

    /// <summary>Liquid alpha's lowest α as a u16 proportion (default 45875 → 0.7).</summary>
    public ushort AlphaLow { get; init; } = 45875;

    /// <summary>Liquid alpha's highest α as a u16 proportion (default 58982 → 0.9); at least <see cref="AlphaLow"/>.</summary>
    public ushort AlphaHigh { get; init; } = 58982;

    /// <summary>Steepness of liquid alpha's sigmoid (default 1000; the exponent is −steepness / 100 × (difference − 0.5)).</summary>
    public short AlphaSigmoidSteepness { get; init; } = 1000;

    /// <summary>The largest valid <see cref="BondsMovingAverage"/> (one million parts per million).</summary>
    public const ulong BondsMovingAverageMax = 1_000_000;
}
