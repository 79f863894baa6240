using System.Numerics;
using System.Runtime.CompilerServices;

namespace Agora.Core.FixedPoint;

/// <summary>
/// Division of u16 values by one fixed integer, as I32F32: <c>I32F32(value) / I32F32(divisor)</c> =
/// floor(value · 2^32 / divisor), the form of every row- or column-normalisation of stored u16 weights and bonds.
/// The divisor's reciprocal is prepared once, so each division is one 64×64→128-bit multiply and a shift instead of
/// a hardware divide (about half its time on x64); the result is exact, not rounded.
/// </summary>
/// <remarks>
/// Granlund and Montgomery's method ("Division by invariant integers using multiplication", 1994) on the
/// equivalent quotient floor(n / D) with n = value · 2^33 &lt; 2^49 and D = 2 · divisor (which keeps D ≥ 2, so the
/// multiplier fits 64 bits even for a divisor of 1): with ℓ = ceil(log2 D), p = max(64, 49 + ℓ) and
/// m = ceil(2^p / D), the error e = m · D − 2^p is below D ≤ 2^ℓ, so n · e &lt; 2^(49 + ℓ) ≤ 2^p and
/// floor(n · m / 2^p) = floor(n / D) for every such n. The low 64 bits of n · m never matter because p ≥ 64.
/// </remarks>
public readonly struct U16Divisor
{
    /// <summary>The largest divisor accepted (2^62): 2 · divisor stays a 64-bit value.</summary>
    public const ulong DivisorMax = 1UL << 62;

    private const int NumeratorShift = I32F32.FractionalBits + 1;

    private readonly ulong _multiplier;
    private readonly int _shift;

    /// <summary>Prepares division by <paramref name="divisor"/>; a divisor of 0 divides everything to 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="divisor"/> exceeds <see cref="DivisorMax"/>.</exception>
    public U16Divisor(ulong divisor)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(divisor, DivisorMax);
        if (divisor == 0)
        {
            // A multiplier of 0 gives 0, the I32F32 result of division by zero.
            return;
        }

        var doubled = divisor << 1;
        var log = 64 - BitOperations.LeadingZeroCount(doubled - 1);
        var precision = int.Max(64, 49 + log);
        _multiplier = (ulong)(((UInt128.One << precision) + doubled - 1) / doubled);
        _shift = precision - 64;
    }

    /// <summary><c>I32F32(value) / I32F32(divisor)</c>, i.e. floor(value · 2^32 / divisor); 0 for a divisor of 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public I32F32 Divide(ushort value) =>
        new((long)(WideArithmetic.MultiplyHigh((ulong)value << NumeratorShift, _multiplier) >> _shift));
}
