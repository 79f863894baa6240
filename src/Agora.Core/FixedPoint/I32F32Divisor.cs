namespace Agora.Core.FixedPoint;

/// <summary>
/// A fixed divisor for many <see cref="I32F32"/> divisions: <see cref="Divide"/> returns exactly
/// <c>dividend / divisor</c> (same truncation, same zero on division by zero or overflow) but replaces the hardware
/// 64-bit division by a multiplication with a precomputed reciprocal and one exact correction step. Use it where one
/// divisor serves a whole row, column or vector (normalisation).
/// </summary>
public readonly struct I32F32Divisor
{
    private readonly I32F32 _divisor;
    private readonly ulong _reciprocal;

    /// <summary>Prepares division by <paramref name="divisor"/>.</summary>
    public I32F32Divisor(I32F32 divisor)
    {
        _divisor = divisor;
        _reciprocal = divisor.Bits > 0 ? ulong.MaxValue / (ulong)divisor.Bits : 0;
    }

    /// <summary>The divisor.</summary>
    public I32F32 Divisor => _divisor;

    /// <summary><c>dividend / Divisor</c>, bit for bit equal to <see cref="I32F32.op_Division"/>.</summary>
    public I32F32 Divide(I32F32 dividend)
    {
        var a = dividend.Bits;
        if ((ulong)a > uint.MaxValue || _divisor.Bits <= 0)
        {
            return dividend / _divisor;
        }

        var quotient = DivideUnsigned((ulong)a << I32F32.FractionalBits, (ulong)_divisor.Bits, _reciprocal);
        return quotient > long.MaxValue ? I32F32.Zero : new I32F32((long)quotient);
    }

    /// <summary>
    /// floor(<paramref name="dividend"/> / <paramref name="divisor"/>) for <paramref name="divisor"/> ≥ 1, given
    /// <paramref name="reciprocal"/> = floor((2^64 − 1) / divisor). The estimate floor(dividend · reciprocal / 2^64) is
    /// never above the quotient and less than one below it (divisor · reciprocal &gt; 2^64 − 1 − divisor), so one
    /// remainder check makes it exact.
    /// </summary>
    public static ulong DivideUnsigned(ulong dividend, ulong divisor, ulong reciprocal)
    {
        var estimate = unchecked((ulong)(((UInt128)dividend * reciprocal) >> 64));
        var remainder = dividend - (estimate * divisor);
        return remainder >= divisor ? estimate + 1 : estimate;
    }

    /// <summary>The reciprocal <see cref="DivideUnsigned"/> needs: floor((2^64 − 1) / divisor), divisor ≥ 1.</summary>
    public static ulong Reciprocal(ulong divisor) => ulong.MaxValue / divisor;
}
