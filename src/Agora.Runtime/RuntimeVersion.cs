namespace Agora.Runtime;

/// <summary>
/// The version of the state-transition rules. It travels in every block header; a rule change adds a new
/// version and keeps the old behaviour for old blocks, so history replays identically.
/// </summary>
public static class RuntimeVersion
{
    /// <summary>The first rules: balances, transfers, fees, emission minted every block.</summary>
    public const uint Genesis = 1;

    /// <summary>
    /// Economy I: runtime modules, included-but-failed calls, hotkey ownership, staking and delegation, subnets
    /// launched by governance, emission minted only with an active subnet and split by stake EMA, hotkey calls paid
    /// by their owner.
    /// </summary>
    public const uint Economy = 2;

    /// <summary>
    /// Economy II: neurons on chain — burned registration with replacement by pruning score, hotkey swaps, axons,
    /// weights with commit-reveal, and per-subnet Yuma epochs that pay owners, miners, validators and nominators.
    /// </summary>
    public const uint Neurons = 3;

    /// <summary>The version this code produces blocks with.</summary>
    public const uint Current = Neurons;

    /// <summary>True when this code can execute blocks of <paramref name="version"/>.</summary>
    public static bool IsSupported(uint version) => version is >= Genesis and <= Current;
}
