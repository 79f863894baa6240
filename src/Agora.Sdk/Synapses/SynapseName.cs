namespace Agora.Sdk.Synapses;

/// <summary>
/// Rules for synapse names: 1 to <see cref="LengthMax"/> characters of <c>a-z 0-9 _ - .</c>, so that a name is a
/// path segment as it stands (<c>POST /synapse/{name}</c>) and reads the same in every language.
/// </summary>
public static class SynapseName
{
    /// <summary>Characters in a name, at most.</summary>
    public const int LengthMax = 64;

    /// <summary>The request path prefix; the name follows it.</summary>
    public const string PathPrefix = "/synapse/";

    /// <summary>True when <paramref name="name"/> follows the rules.</summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > LengthMax)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws naming the rule when <paramref name="name"/> breaks it.</summary>
    public static void Validate(string name)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException(
                $"synapse name '{name}' is not 1 to {LengthMax} characters of a-z, 0-9, '_', '-' or '.'; pick a name such as 'forecast'",
                nameof(name));
        }
    }

    /// <summary>The request path of <paramref name="name"/>.</summary>
    public static string PathOf(string name) => PathPrefix + name;
}
