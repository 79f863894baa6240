namespace Agora.Subnets.Compute;

/// <summary>The bounds every request and response of the subnet is checked against.</summary>
public static class ComputeLimits
{
    /// <summary>
    /// Largest number of rows or columns of any matrix. At 1024 a product is 2^30 multiply-adds (about a second on
    /// one core) and each matrix 4 MiB raw, 5.6 MB as base64 JSON.
    /// </summary>
    public const int DimensionMax = 1024;

    /// <summary>Most Freivalds rounds a validator may ask for; 64 binary rounds already miss with ≤ 2^-64.</summary>
    public const int FreivaldsRoundsMax = 64;
}
