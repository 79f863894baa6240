using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Agora.Core.FixedPoint;

/// <summary>
/// <see cref="I32F32"/> arithmetic for operands known to lie in [0, 1] (raw bits 0 to 2^32), the range of every
/// normalised weight, stake, bond and share. On that range each result equals the general operator's bit for bit, but
/// needs neither its range checks nor its 128-bit path, so the loops over every stored entry of an epoch stay a few
/// instructions per entry.
/// </summary>
public static class UnitInterval
{
    /// <summary>Whether <paramref name="value"/> lies in [0, 1].</summary>
    public static bool Contains(I32F32 value) => value.Bits >= 0 && value.Bits <= I32F32.One.Bits;

    /// <summary><c>a · b</c> for <paramref name="a"/> and <paramref name="b"/> in [0, 1]; equals <c>a * b</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static I32F32 Multiply(I32F32 a, I32F32 b)
    {
        Debug.Assert(Contains(a) && Contains(b), "operands in [0, 1]");
        unchecked
        {
            // a = high · 2^32 + low with high 0 or 1: low · b stays below 2^64, and high · b is exact.
            var low = ((ulong)(uint)a.Bits * (ulong)b.Bits) >> I32F32.FractionalBits;
            return new I32F32((long)low + ((a.Bits >> I32F32.FractionalBits) * b.Bits));
        }
    }

    /// <summary>
    /// <c>part / whole</c> for 0 ≤ <paramref name="part"/> ≤ <paramref name="whole"/> and a positive
    /// <paramref name="whole"/> (normalising by a sum or a maximum); equals <c>part / whole</c>, in [0, 1].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static I32F32 Divide(I32F32 part, I32F32 whole)
    {
        Debug.Assert(part.Bits >= 0 && part <= whole, "0 ≤ part ≤ whole");

        // Below one the shifted part fits 64 bits; a part of exactly one is rare (a single entry) and takes the
        // general operator.
        return part.Bits < I32F32.One.Bits
            ? new I32F32((long)(((ulong)part.Bits << I32F32.FractionalBits) / (ulong)whole.Bits))
            : part / whole;
    }
}
