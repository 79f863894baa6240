using Agora.Protocol.Balances;
using Agora.Protocol.Governance;
using Agora.Protocol.Neurons;
using Agora.Protocol.Staking;
using Agora.Protocol.Subnets;
using Agora.Protocol.Weights;

namespace Agora.Protocol.Modules;

/// <summary>Builds <see cref="CallError"/>s from each module's error enum, and names stored codes.</summary>
public static class CallErrors
{
    /// <summary>A balances error.</summary>
    public static CallError Because(this BalancesError error, string message) => new(ModuleId.Balances, (ushort)error, SnakeCase.Of(error.ToString()), message);

    /// <summary>A staking error.</summary>
    public static CallError Because(this StakingError error, string message) => new(ModuleId.Staking, (ushort)error, SnakeCase.Of(error.ToString()), message);

    /// <summary>A subnets error.</summary>
    public static CallError Because(this SubnetsError error, string message) => new(ModuleId.Subnets, (ushort)error, SnakeCase.Of(error.ToString()), message);

    /// <summary>A governance error.</summary>
    public static CallError Because(this GovernanceError error, string message) => new(ModuleId.Governance, (ushort)error, SnakeCase.Of(error.ToString()), message);

    /// <summary>A neurons error.</summary>
    public static CallError Because(this NeuronsError error, string message) => new(ModuleId.Neurons, (ushort)error, SnakeCase.Of(error.ToString()), message);

    /// <summary>A weights error.</summary>
    public static CallError Because(this WeightsError error, string message) => new(ModuleId.Weights, (ushort)error, SnakeCase.Of(error.ToString()), message);

    /// <summary>The snake_case name of error <paramref name="code"/> of <paramref name="module"/>, or <c>error_N</c> when unknown.</summary>
    public static string NameOf(ModuleId module, ushort code)
    {
        var name = module switch
        {
            ModuleId.Balances => Enum.GetName((BalancesError)code),
            ModuleId.Staking => Enum.GetName((StakingError)code),
            ModuleId.Subnets => Enum.GetName((SubnetsError)code),
            ModuleId.Governance => Enum.GetName((GovernanceError)code),
            ModuleId.Neurons => Enum.GetName((NeuronsError)code),
            ModuleId.Weights => Enum.GetName((WeightsError)code),
            _ => null,
        };
        return name is null ? $"error_{code}" : SnakeCase.Of(name);
    }
}
