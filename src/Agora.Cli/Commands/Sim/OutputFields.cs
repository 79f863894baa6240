using System.Collections.Immutable;

namespace Agora.Cli.Commands.Sim;

/// <summary>
/// Which output fields the <c>sim</c> commands print (<c>--fields</c>): all of them by default, always in the
/// format's order. A study of incentives over many epochs of a large subnet can leave out <c>bonds</c>, by far the
/// largest field (n² numbers an epoch).
/// </summary>
internal sealed class OutputFields
{
    /// <summary>Every output field, in the order the format prints them (spec/interfaces.md).</summary>
    public static readonly ImmutableArray<string> Names =
    [
        "rank", "trust", "consensus", "incentive", "dividends", "validator_trust", "emission", "miner_emission",
        "validator_emission", "dust", "validator_permit", "bonds", "pruning_score",
    ];

    private readonly HashSet<string> _selected;

    private OutputFields(IEnumerable<string> selected) => _selected = [.. selected];

    /// <summary>Every field.</summary>
    public static OutputFields All { get; } = new(Names);

    /// <summary>Whether <paramref name="name"/> is printed.</summary>
    public bool Includes(string name) => _selected.Contains(name);

    /// <summary>
    /// Reads a comma-separated list of field names (null or absent: every field); an unknown or empty list gives an
    /// error naming what was wrong instead.
    /// </summary>
    public static bool TryParse(string? list, out OutputFields fields, out string? error)
    {
        fields = All;
        error = null;
        if (list is null)
        {
            return true;
        }

        var names = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = names.FirstOrDefault(name => !Names.Contains(name));
        if (names.Length == 0 || unknown is not null)
        {
            var found = unknown is null ? "no field names" : $"unknown field \"{unknown}\"";
            error = $"--fields: {found}; choose from {string.Join(",", Names)}";
            return false;
        }

        fields = new OutputFields(names);
        return true;
    }
}
