using System.Text;

namespace Agora.Protocol.Modules;

/// <summary>PascalCase identifiers as the snake_case names the wire uses (<c>StakeAdded</c> → <c>stake_added</c>).</summary>
public static class SnakeCase
{
    /// <summary>The snake_case form of <paramref name="pascal"/>.</summary>
    public static string Of(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var builder = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsAsciiLetterUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
