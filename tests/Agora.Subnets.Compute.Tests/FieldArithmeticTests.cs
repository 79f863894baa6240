namespace Agora.Subnets.Compute.Tests;

public sealed class FieldArithmeticTests
{
    [Fact]
    public void Reduce_agrees_with_the_remainder_mod_p_over_the_whole_u64_range()
    {
        var stream = new SplitMix64(7);
        ulong[] edges = [0, 1, FieldArithmetic.Prime - 1, FieldArithmetic.Prime, FieldArithmetic.Prime + 1, (ulong)FieldArithmetic.Prime * 2, ulong.MaxValue, ulong.MaxValue - 1];
        foreach (var value in edges.Concat(Enumerable.Range(0, 10_000).Select(_ => stream.NextUInt64())))
        {
            Assert.Equal(value % FieldArithmetic.Prime, FieldArithmetic.Reduce(value));
        }
    }

    [Fact]
    public void Multiply_add_and_subtract_are_exact_mod_p()
    {
        var stream = new SplitMix64(8);
        for (var i = 0; i < 10_000; i++)
        {
            var a = stream.NextResidue();
            var b = stream.NextResidue();
            Assert.Equal((ulong)a * b % FieldArithmetic.Prime, FieldArithmetic.Multiply(a, b));
            Assert.Equal(((ulong)a + b) % FieldArithmetic.Prime, FieldArithmetic.Add(a, b));
            Assert.Equal(((ulong)a + FieldArithmetic.Prime - b) % FieldArithmetic.Prime, FieldArithmetic.Subtract(a, b));
        }
    }

    [Fact]
    public void The_largest_product_folds_below_2_to_the_32_so_rows_of_them_sum_without_overflow()
    {
        const ulong largest = (ulong)(FieldArithmetic.Prime - 1) * (FieldArithmetic.Prime - 1);

        Assert.True(FieldArithmetic.Fold(largest) < 1UL << 32);
        Assert.Equal(largest % FieldArithmetic.Prime, FieldArithmetic.Fold(largest) % FieldArithmetic.Prime);
    }
}
