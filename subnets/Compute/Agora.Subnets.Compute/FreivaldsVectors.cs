namespace Agora.Subnets.Compute;

/// <summary>Where the random vectors of a <see cref="FreivaldsCheck"/> are drawn from; this sets its miss bound.</summary>
public enum FreivaldsVectors
{
    /// <summary>Entries uniform in {0, 1} (Freivalds' original test): a wrong product passes a round with probability ≤ 1/2.</summary>
    Binary = 1,

    /// <summary>Entries uniform in the whole field [0, p): a wrong product passes a round with probability ≤ 1/p ≈ 4.7·10^-10.</summary>
    Field = 2,
}
