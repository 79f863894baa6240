namespace Agora.Node.Rpc;

/// <summary>How error messages quote what a caller sent: never more than a short prefix of it.</summary>
public static class RpcText
{
    /// <summary>Most characters of caller input an error message repeats; the rest is replaced by "…".</summary>
    public const int ShownInputCharsMax = 64;

    /// <summary><paramref name="input"/> cut to <see cref="ShownInputCharsMax"/> characters, with "…" when cut.</summary>
    public static string Shown(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Length <= ShownInputCharsMax ? input : string.Concat(input.AsSpan(0, ShownInputCharsMax), "…");
    }
}
