namespace Agora.Cli.Commands.Sim;

/// <summary>
/// Warnings for the fields of a <c>sim</c> input that the format does not define. They are not an error (other tools
/// may add their own), but a misspelled optional field such as <c>kapa</c> would otherwise fall back to its default
/// without a word, so each one gets a warning that suggests the closest known name.
/// </summary>
internal static class UnknownFields
{
    /// <summary>At most this many edits away, a known name is suggested.</summary>
    private const int SuggestionDistanceMax = 2;

    /// <summary>The warning for field <paramref name="name"/>, which is not in <paramref name="known"/>.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="known">The field names the format defines there.</param>
    /// <param name="parentPath">The enclosing object's path (<c>neurons[3]</c>), or null at the top level.</param>
    public static string Warning(string name, IReadOnlyCollection<string> known, string? parentPath = null)
    {
        var path = parentPath is null ? name : $"{parentPath}.{name}";
        var suggestion = Closest(name, known);
        return suggestion is null
            ? $"{path}: unknown field, ignored"
            : $"{path}: unknown field, ignored (did you mean {suggestion}?)";
    }

    private static string? Closest(string name, IReadOnlyCollection<string> known)
    {
        string? best = null;
        var bestDistance = SuggestionDistanceMax + 1;
        foreach (var candidate in known)
        {
            var distance = EditDistance(name, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    /// <summary>Levenshtein distance: the fewest single-character insertions, deletions and substitutions.</summary>
    internal static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = int.Min(substitution, int.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
