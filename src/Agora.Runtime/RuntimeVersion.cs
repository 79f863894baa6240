namespace Agora.Runtime;

/// <summary>
/// The version of the state-transition rules. It travels in every block header; a rule change adds a new
/// version and keeps the old behaviour for old blocks, so history replays identically.
/// </summary>
public static class RuntimeVersion
{
    /// <summary>The first rules: balances, transfers, fees, emission.</summary>
    public const uint Genesis = 1;

    /// <summary>The version this code produces blocks with.</summary>
    public const uint Current = Genesis;

    /// <summary>True when this code can execute blocks of <paramref name="version"/>.</summary>
    public static bool IsSupported(uint version) => version is >= Genesis and <= Current;
}
