namespace Agora.Protocol.Governance;

/// <summary>Size limits of governance data, so that no proposal can make state or events grow without bound.</summary>
public static class GovernanceLimits
{
    /// <summary>Longest subnet name, in bytes of printable ASCII.</summary>
    public const int NameBytesMax = 32;

    /// <summary>Longest subnet description, in UTF-8 bytes.</summary>
    public const int DescriptionBytesMax = 256;

    /// <summary>Most hyperparameter overrides in one proposal (one per hyperparameter).</summary>
    public const int OverrideCountMax = 64;

    /// <summary>Most proposals pending at once on the whole chain.</summary>
    public const int PendingProposalCountMax = 32;
}
