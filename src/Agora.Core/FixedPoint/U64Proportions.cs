namespace Agora.Core.FixedPoint;

/// <summary>Turns unsigned integer amounts (such as stake in rao) into <see cref="I32F32"/> proportions.</summary>
public static class U64Proportions
{
    /// <summary>
    /// Normalises <paramref name="amounts"/> to proportions of their sum the way the reference chain does: each amount
    /// divided by the sum in 64.64 fixed point (I64F64, truncating), then truncated to 32 fractional bits. The two
    /// truncations compose to floor(amount × 2^32 / sum), which is computed here exactly in 128-bit integers, so the
    /// result is defined for every u64 input. All zeros (or an empty input) stays all zeros.
    /// </summary>
    public static I32F32[] Normalize(ReadOnlySpan<ulong> amounts)
    {
        UInt128 sum = 0;
        foreach (var amount in amounts)
        {
            sum += amount;
        }

        var result = new I32F32[amounts.Length];
        if (sum == 0)
        {
            return result;
        }

        for (var i = 0; i < amounts.Length; i++)
        {
            // amount <= sum, so the quotient is at most 2^32 and always fits. Most neurons hold no stake; zero needs no
            // (slow, 128-bit) division.
            var amount = amounts[i];
            result[i] = amount == 0 ? I32F32.Zero : new I32F32((long)(((UInt128)amount << I32F32.FractionalBits) / sum));
        }

        return result;
    }
}
