using System.Globalization;
using Agora.Cli.Infrastructure;
using Agora.Protocol.Subnets;

namespace Agora.Cli.Commands.Subnets;

/// <summary>
/// Reads a hyperparameter value as users write it: bools as true/false, the consensus mode as current/previous/auto,
/// signed ints with a sign, everything else as an unsigned integer (rao for burns), checked against the bounds.
/// </summary>
internal static class HyperparameterValue
{
    public static (HyperparameterDefinition Definition, ulong Value) Parse(string name, string text, string option)
    {
        var definition = Hyperparameters.Find(name)
            ?? throw new CliException($"{option}: no hyperparameter is named \"{name}\"; known: {string.Join(", ", Hyperparameters.Definitions.Select(d => d.Name))}");
        ulong? value = definition.Kind switch
        {
            HyperparameterKind.Bool => text switch { "true" => 1, "false" => 0, _ => null },
            HyperparameterKind.ConsensusMode => text switch { "current" => 0, "previous" => 1, "auto" => 2, _ => null },
            HyperparameterKind.SignedInt16 => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var signed) && signed is >= short.MinValue and <= short.MaxValue
                ? unchecked((ulong)signed)
                : null,
            _ => ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null,
        };
        if (value is not { } parsed || !definition.Accepts(parsed))
        {
            throw new CliException($"{option}: {definition.Name} = \"{text}\" is not a valid value; expected {definition.BoundsText}");
        }

        return (definition, parsed);
    }
}
