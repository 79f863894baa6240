namespace Agora.Sdk.Wallet;

/// <summary>
/// Argon2id cost parameters, stored in every encrypted keyfile so that a file stays readable when the
/// defaults change. Reading a file checks them against the limits below, so a crafted file cannot demand
/// unbounded memory or time.
/// </summary>
/// <param name="MemoryKib">Memory in KiB.</param>
/// <param name="Iterations">Passes over the memory.</param>
/// <param name="Parallelism">Lanes; libsodium supports exactly 1.</param>
public sealed record KeyfileKdfParameters(int MemoryKib, int Iterations, int Parallelism = 1)
{
    /// <summary>Least memory accepted (KiB).</summary>
    public const int MemoryKibMin = 8;

    /// <summary>Most memory accepted when reading a file (KiB): 1 GiB.</summary>
    public const int MemoryKibMax = 1 << 20;

    /// <summary>Most passes accepted when reading a file.</summary>
    public const int IterationsMax = 64;

    /// <summary>The defaults for new files: 64 MiB, 3 passes (libsodium's "interactive" memory, one more pass).</summary>
    public static KeyfileKdfParameters Default { get; } = new(64 * 1024, 3);

    /// <summary>Says what is out of range, or returns null when the parameters are acceptable.</summary>
    public string? Validate()
    {
        if (MemoryKib is < MemoryKibMin or > MemoryKibMax)
        {
            return $"argon2id memory_kib is {MemoryKib}, expected {MemoryKibMin}..{MemoryKibMax}";
        }

        if (Iterations is < 1 or > IterationsMax)
        {
            return $"argon2id iterations is {Iterations}, expected 1..{IterationsMax}";
        }

        return Parallelism != 1 ? $"argon2id parallelism is {Parallelism}, only 1 is supported" : null;
    }
}
