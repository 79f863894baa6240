using Agora.Protocol.Modules;

namespace Agora.Protocol.Subnets;

/// <summary>
/// One hyperparameter's rules: bounds (inclusive, on the u64 value; for <see cref="HyperparameterKind.SignedInt16"/>
/// on the signed value), whether the subnet owner may set it, and its defaults on main and dev chains.
/// </summary>
public sealed record HyperparameterDefinition(
    HyperparameterId Id, HyperparameterKind Kind, long Min, ulong Max, bool OwnerSettable, ulong MainDefault, ulong DevDefault)
{
    /// <summary>The snake_case name used by RPC, CLI and events.</summary>
    public string Name { get; } = SnakeCase.Of(Id.ToString());

    /// <summary>True when <paramref name="value"/> lies within the bounds.</summary>
    public bool Accepts(ulong value) => Kind == HyperparameterKind.SignedInt16
        ? (long)value >= Min && (long)value <= (long)Max
        : value >= (ulong)Min && value <= Max;

    /// <summary>The bounds as a user reads them.</summary>
    public string BoundsText => Kind switch
    {
        HyperparameterKind.Bool => "true or false",
        HyperparameterKind.ConsensusMode => "current, previous or auto",
        _ => $"{Min}–{Max}",
    };

    /// <summary>The value as renderers show it: a bool, a mode name, a signed or an unsigned number.</summary>
    public object Render(ulong value) => Kind switch
    {
        HyperparameterKind.Bool => value != 0,
        HyperparameterKind.SignedInt16 => (long)value,
        HyperparameterKind.ConsensusMode => value switch { 0 => "current", 1 => "previous", 2 => "auto", _ => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture) },
        _ => value,
    };
}
