using Agora.Protocol.Subnets;

namespace Agora.Runtime.Modules.Subnets;

/// <summary>The rules of DESIGN §4a that tie two hyperparameters together; the table of each one alone is <see cref="Hyperparameters"/>.</summary>
public static class HyperparameterConsistency
{
    /// <summary>
    /// The rules that tie two hyperparameters together, checked on the whole set: null when <paramref name="values"/>
    /// keeps them, else what is wrong.
    /// </summary>
    public static string? Check(SubnetHyperparameters values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values[HyperparameterId.MinBurn] > values[HyperparameterId.MaxBurn])
        {
            return $"min_burn {values[HyperparameterId.MinBurn]} must not exceed max_burn {values[HyperparameterId.MaxBurn]}";
        }

        if (values[HyperparameterId.AlphaLow] > values[HyperparameterId.AlphaHigh])
        {
            return $"alpha_low {values[HyperparameterId.AlphaLow]} must not exceed alpha_high {values[HyperparameterId.AlphaHigh]}";
        }

        return null;
    }
}
