using System.Text.Json;

namespace Agora.Cli.Commands.Sim;

/// <summary>
/// Finds the fields of a <c>sim</c> input object that the format does not define. They are not an error (other tools
/// may add their own), but a misspelled optional field such as <c>kapa</c> would otherwise fall back to its default
/// without a word, so each one becomes a warning that suggests the closest known name.
/// </summary>
internal static class UnknownFields
{
    /// <summary>At most this many edits away, a known name is suggested.</summary>
    private const int SuggestionDistanceMax = 2;

    /// <summary>A warning for each property of <paramref name="element"/> not in <paramref name="known"/>, in input order.</summary>
    /// <param name="element">A JSON object.</param>
    /// <param name="known">The field names the format defines there.</param>
    /// <param name="parentPath">The object's path (<c>neurons[3]</c>), or null at the top level.</param>
    public static IEnumerable<string> Warnings(JsonElement element, IReadOnlyCollection<string> known, string? parentPath = null)
    {
        using var properties = element.EnumerateObject();
        foreach (var property in properties)
        {
            if (known.Contains(property.Name))
            {
                continue;
            }

            var path = parentPath is null ? property.Name : $"{parentPath}.{property.Name}";
            var suggestion = Closest(property.Name, known);
            yield return suggestion is null
                ? $"{path}: unknown field, ignored"
                : $"{path}: unknown field, ignored (did you mean {suggestion}?)";
        }
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
