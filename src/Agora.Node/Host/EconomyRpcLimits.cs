namespace Agora.Node.Host;

/// <summary>
/// Caps on the economy RPC lists that grow with the chain (STYLE rule 7). A list longer than its cap is cut to the
/// first entries of its stated order; the object results that carry such a list also give its full count.
/// </summary>
public static class EconomyRpcLimits
{
    /// <summary>Most nominators in one <c>agora_getHotkey</c> result (largest stake first).</summary>
    public const int NominatorCountMax = 1_000;

    /// <summary>Most positions in one <c>agora_getStake</c> result (by netuid, then hotkey).</summary>
    public const int PositionCountMax = 1_000;

    /// <summary>Most delegates in one <c>agora_getDelegates</c> result (largest total stake first).</summary>
    public const int DelegateCountMax = 1_000;

    /// <summary>Most proposals in one <c>agora_getProposals</c> result (the newest).</summary>
    public const int ProposalCountMax = 256;
}
