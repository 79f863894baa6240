namespace Agora.Subnets.Compute;

/// <summary>
/// The SplitMix64 generator (Steele, Lea and Flood 2014): a tiny, fully specified generator, so a task generated from a seed is the
/// same on every machine and .NET version (System.Random's seeded sequence is not a documented contract). Not
/// cryptographic: tasks need to be reproducible, not secret.
/// </summary>
public sealed class SplitMix64
{
    private ulong _state;

    /// <summary>The stream for <paramref name="seed"/>; <paramref name="stream"/> selects an independent sub-stream.</summary>
    public SplitMix64(ulong seed, ulong stream = 0)
    {
        _state = seed ^ Mix(stream + 0x9E3779B97F4A7C15UL);
    }

    /// <summary>The generator whose internal state is <paramref name="state"/>, for checks against reference sequences.</summary>
    internal static SplitMix64 FromState(ulong state) => new(0) { _state = state };

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A residue uniform in [0, p), by rejection of the one 31-bit value that is not one.</summary>
    public uint NextResidue()
    {
        while (true)
        {
            var value = (uint)(NextUInt64() >> 33);
            if (value != FieldArithmetic.Prime)
            {
                return value;
            }
        }
    }

    /// <summary>A matrix of residues, each uniform in [0, p).</summary>
    public FieldMatrix NextMatrix(int rows, int cols)
    {
        var entries = new uint[rows * cols];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = NextResidue();
        }

        return FieldMatrix.Wrap(rows, cols, entries);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
