using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Agora.Core.FixedPoint;

/// <summary>
/// The high half of a 64×64-bit product, for <see cref="I32F32"/>'s general multiply and the per-numerator step of
/// <see cref="U16Divisor"/>: one instruction (<c>mulx</c>) where the CPU has it. <see cref="UInt128"/>'s multiply gives
/// the same bits but computes all four partial products; in the epoch's weight normalisation that cost 10% more.
/// </summary>
internal static class WideArithmetic
{
    /// <summary>The high 64 bits of <c>a · b</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MultiplyHigh(ulong a, ulong b) => MultiplyHigh(a, b, out _);

    /// <summary>The high 64 bits of <c>a · b</c>; <paramref name="low"/> gets the low 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MultiplyHigh(ulong a, ulong b, out ulong low)
    {
        unchecked
        {
            low = a * b;
            return Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : MultiplyHighBySchoolbook(a, b);
        }
    }

    /// <summary>The high 64 bits of <c>a · b</c> from four 32-bit partial products, where no instruction gives them.</summary>
    internal static ulong MultiplyHighBySchoolbook(ulong a, ulong b)
    {
        unchecked
        {
            ulong a0 = (uint)a, a1 = a >> 32, b0 = (uint)b, b1 = b >> 32;
            var middle = ((a0 * b0) >> 32) + (uint)(a0 * b1) + (uint)(a1 * b0);
            return (a1 * b1) + ((a0 * b1) >> 32) + ((a1 * b0) >> 32) + (middle >> 32);
        }
    }
}
