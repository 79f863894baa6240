namespace Agora.Subnets.Compute.Tests;

public sealed class MatrixMultiplierTests
{
    [Fact]
    public void A_small_product_is_the_textbook_one()
    {
        // Given [[1, 2], [3, 4]] · [[5, 6], [7, 8]]
        var a = FieldMatrix.Create(2, 2, [1, 2, 3, 4]);
        var b = FieldMatrix.Create(2, 2, [5, 6, 7, 8]);

        // When multiplied
        var c = MatrixMultiplier.Multiply(a, b);

        // Then it is [[19, 22], [43, 50]]
        Assert.Equal([19u, 22, 43, 50], c.Entries.ToArray());
    }

    [Fact]
    public void Products_wrap_mod_p()
    {
        // (p − 1)² = 1 mod p, and (p − 1)·(p − 1) + (p − 1)·(p − 1) = 2 mod p
        var minusOne = FieldArithmetic.Prime - 1;
        var a = FieldMatrix.Create(1, 2, [minusOne, minusOne]);
        var b = FieldMatrix.Create(2, 1, [minusOne, minusOne]);

        Assert.Equal(2u, MatrixMultiplier.Multiply(a, b)[0, 0]);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 5, 7)]
    [InlineData(17, 64, 9)]
    [InlineData(40, 33, 40)]
    public void A_random_product_matches_the_naive_triple_loop(int n, int k, int m)
    {
        var stream = new SplitMix64((ulong)(n * 10_000 + k * 100 + m));
        var a = stream.NextMatrix(n, k);
        var b = stream.NextMatrix(k, m);

        var c = MatrixMultiplier.Multiply(a, b);

        Assert.True(Naive(a, b).ContentEquals(c));
    }

    [Fact]
    public void The_longest_rows_of_the_largest_entries_accumulate_without_overflow()
    {
        // 1024 terms of (p − 1)², in both the eight-wide and the scalar part of the row (m = 12)
        var minusOne = FieldArithmetic.Prime - 1;
        var a = FieldMatrix.Create(1, ComputeLimits.DimensionMax, Enumerable.Repeat(minusOne, ComputeLimits.DimensionMax).ToArray());
        var b = FieldMatrix.Create(ComputeLimits.DimensionMax, 12, Enumerable.Repeat(minusOne, ComputeLimits.DimensionMax * 12).ToArray());

        var c = MatrixMultiplier.Multiply(a, b);

        Assert.All(c.Entries.ToArray(), e => Assert.Equal((uint)ComputeLimits.DimensionMax, e));
    }

    [Fact]
    public void Entries_that_are_not_residues_still_give_the_product_mod_p()
    {
        // The recompute check multiplies whatever it is given; u32 products are exact in 64 bits either way.
        var stream = new SplitMix64(5);
        var a = FieldMatrix.Create(3, 4, Enumerable.Range(0, 12).Select(_ => (uint)stream.NextUInt64() | 0x8000_0000u).ToArray());
        var b = FieldMatrix.Create(4, 19, Enumerable.Range(0, 76).Select(_ => (uint)stream.NextUInt64() | 0x8000_0000u).ToArray());

        Assert.True(Naive(a, b).ContentEquals(MatrixMultiplier.Multiply(a, b)));
    }

    [Fact]
    public void The_parallel_product_equals_the_serial_one()
    {
        var stream = new SplitMix64(3);
        var a = stream.NextMatrix(64, 48);
        var b = stream.NextMatrix(48, 80);

        Assert.True(MatrixMultiplier.Multiply(a, b).ContentEquals(MatrixMultiplier.Multiply(a, b, degreeOfParallelism: 2)));
    }

    [Fact]
    public void Mismatched_inner_dimensions_are_refused()
    {
        var a = FieldMatrix.Create(2, 3, new uint[6]);
        var b = FieldMatrix.Create(2, 2, new uint[4]);

        var error = Assert.Throws<ArgumentException>(() => MatrixMultiplier.Multiply(a, b));
        Assert.Contains("2×3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_product_stops()
    {
        var stream = new SplitMix64(4);
        var a = stream.NextMatrix(8, 8);

        Assert.Throws<OperationCanceledException>(() => MatrixMultiplier.Multiply(a, a, cancellationToken: new CancellationToken(canceled: true)));
    }

    private static FieldMatrix Naive(FieldMatrix a, FieldMatrix b)
    {
        var entries = new uint[a.Rows * b.Cols];
        for (var i = 0; i < a.Rows; i++)
        {
            for (var j = 0; j < b.Cols; j++)
            {
                ulong sum = 0;
                for (var k = 0; k < a.Cols; k++)
                {
                    sum = (sum + ((ulong)a[i, k] * b[k, j] % FieldArithmetic.Prime)) % FieldArithmetic.Prime;
                }

                entries[(i * b.Cols) + j] = (uint)sum;
            }
        }

        return FieldMatrix.Create(a.Rows, b.Cols, entries);
    }
}
