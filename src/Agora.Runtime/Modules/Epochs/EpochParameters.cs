using Agora.Protocol.Subnets;
using Agora.Runtime.Modules.Subnets;
using Agora.Yuma;

namespace Agora.Runtime.Modules.Epochs;

/// <summary>The engine's parameters from a subnet's hyperparameters (DESIGN §4a's table; spec/yuma.md, Inputs).</summary>
public static class EpochParameters
{
    /// <summary>The <see cref="YumaParameters"/> <paramref name="hyperparameters"/> set.</summary>
    public static YumaParameters From(SubnetHyperparameters hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(hyperparameters);

        // Every value below was bounds-checked when it was set, so the narrowing casts keep it whole.
        return new YumaParameters
        {
            Tempo = hyperparameters.Tempo,
            ActivityCutoff = hyperparameters[HyperparameterId.ActivityCutoff],
            Kappa = (ushort)hyperparameters[HyperparameterId.Kappa],
            BondsPenalty = (ushort)hyperparameters[HyperparameterId.BondsPenalty],
            BondsMovingAverage = hyperparameters[HyperparameterId.BondsMovingAverage],
            MaxAllowedValidators = (ushort)hyperparameters[HyperparameterId.MaxAllowedValidators],
            Yuma3Enabled = hyperparameters[HyperparameterId.Yuma3Enabled] != 0,
            LiquidAlphaEnabled = hyperparameters[HyperparameterId.LiquidAlphaEnabled] != 0,
            LiquidAlphaConsensusMode = (LiquidAlphaConsensusMode)hyperparameters[HyperparameterId.LiquidAlphaConsensusMode],
            AlphaLow = (ushort)hyperparameters[HyperparameterId.AlphaLow],
            AlphaHigh = (ushort)hyperparameters[HyperparameterId.AlphaHigh],

            // Stored as the two's complement of its i64 value (HyperparameterKind.SignedInt16).
            AlphaSigmoidSteepness = unchecked((short)(long)hyperparameters[HyperparameterId.AlphaSigmoidSteepness]),
        };
    }
}
