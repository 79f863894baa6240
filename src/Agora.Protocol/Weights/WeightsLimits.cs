namespace Agora.Protocol.Weights;

/// <summary>Size limits of weights calls, so that a decoder bounds what it allocates before any state is read.</summary>
public static class WeightsLimits
{
    /// <summary>Most uids (and weights) one weights call lists: one per uid of the largest subnet (<c>max_allowed_uids</c> ≤ 4,096).</summary>
    public const int UidCountMax = 4096;
}
