using Xunit.Abstractions;

namespace Agora.Subnets.Compute.Tests;

/// <summary>
/// Freivalds' test over many seeds: each seed gives a task, its product with one entry off by a non-zero amount,
/// and the validator's random vectors. With one wrong entry d at (i, j), (A·B·r − C·r)_i = d · r_j, so a binary
/// round catches it exactly when r_j = 1: probability 1/2, the bound itself.
/// </summary>
public sealed class FreivaldsCheckTests(ITestOutputHelper output)
{
    private const int SeedCount = 2_000;

    [Theory]
    [InlineData(FreivaldsVectors.Binary)]
    [InlineData(FreivaldsVectors.Field)]
    public void An_honest_product_always_passes(FreivaldsVectors vectors)
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var (request, product) = Task(seed, new MatrixShape(9, 13, 7));

            Assert.True(FreivaldsCheck.Verify(request.A, request.B, product, new Random(seed), rounds: 3, vectors));
        }
    }

    [Fact]
    public void One_wrong_entry_is_caught_by_one_binary_round_about_half_the_time_as_the_bound_says()
    {
        // Given 2,000 products, each with one wrong entry
        var caught = 0;
        for (var seed = 0; seed < SeedCount; seed++)
        {
            var (request, wrong) = TaskWithOneWrongEntry(seed);

            // When checked with one round of r ∈ {0,1}
            if (!FreivaldsCheck.Verify(request.A, request.B, wrong, new Random(seed), rounds: 1, FreivaldsVectors.Binary))
            {
                caught++;
            }
        }

        // Then about half are caught: the bound says a miss has probability ≤ 1/2, so caught ≥ 1,000 in expectation,
        // and here it is exactly 1/2 per seed (binomial: mean 1,000, sd 22), so within 4.5 sd of 1,000.
        output.WriteLine($"one binary round caught {caught} of {SeedCount}");
        Assert.Equal(0.5, FreivaldsCheck.MissProbabilityBound(1, FreivaldsVectors.Binary));
        Assert.InRange(caught, 900, 1_100);
    }

    [Fact]
    public void One_wrong_entry_is_always_caught_by_twenty_binary_rounds()
    {
        // A miss needs r_j = 0 in all 20 rounds: 2^-20 per seed, about 0.002 misses expected over 2,000 seeds.
        for (var seed = 0; seed < SeedCount; seed++)
        {
            var (request, wrong) = TaskWithOneWrongEntry(seed);

            Assert.False(FreivaldsCheck.Verify(request.A, request.B, wrong, new Random(seed), rounds: 20, FreivaldsVectors.Binary));
        }

        Assert.Equal(1.0 / (1 << 20), FreivaldsCheck.MissProbabilityBound(20, FreivaldsVectors.Binary));
    }

    [Fact]
    public void One_wrong_entry_is_always_caught_by_one_field_round()
    {
        // A miss needs r_j = 0 out of p values: 1/p ≈ 4.7·10^-10 per seed.
        for (var seed = 0; seed < SeedCount; seed++)
        {
            var (request, wrong) = TaskWithOneWrongEntry(seed);

            Assert.False(FreivaldsCheck.Verify(request.A, request.B, wrong, new Random(seed), rounds: 1, FreivaldsVectors.Field));
        }

        Assert.True(FreivaldsCheck.MissProbabilityBound(1, FreivaldsVectors.Field) < 5e-10);
    }

    [Fact]
    public async Task A_product_with_a_skipped_row_is_always_caught_by_one_field_round()
    {
        var miner = new WrongMiner(skippedRows: 1);
        for (var seed = 0; seed < 500; seed++)
        {
            var (request, _) = Task(seed, new MatrixShape(8, 8, 8));
            var wrong = (await miner.ForwardAsync(request, CancellationToken.None)).C;

            Assert.False(FreivaldsCheck.Verify(request.A, request.B, wrong, new Random(seed), rounds: 1));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(19)]
    [InlineData(ComputeLimits.DimensionMax)]
    public void A_matrix_times_a_vector_is_the_product_mod_p(int length)
    {
        var stream = new SplitMix64((ulong)length);
        var matrix = stream.NextMatrix(3, length);
        var x = stream.NextMatrix(length, 1);
        var y = new uint[3];

        FreivaldsCheck.MultiplyVector(matrix, x.Entries, y);

        Assert.Equal(MatrixMultiplier.Multiply(matrix, x).Entries.ToArray(), y);
    }

    [Fact]
    public void The_check_agrees_with_recomputing()
    {
        var (request, product) = Task(1, new MatrixShape(12, 10, 11));
        var wrong = product.With(3, 4, FieldArithmetic.Add(product[3, 4], 1));

        Assert.True(RecomputeCheck.Verify(request.A, request.B, product));
        Assert.False(RecomputeCheck.Verify(request.A, request.B, wrong));
        Assert.True(FreivaldsCheck.Verify(request.A, request.B, product, new Random(1), rounds: 1));
        Assert.False(FreivaldsCheck.Verify(request.A, request.B, wrong, new Random(1), rounds: 1));
    }

    [Fact]
    public void Shapes_that_do_not_agree_are_refused()
    {
        var (request, product) = Task(1, new MatrixShape(4, 5, 6));
        var transposedShape = FieldMatrix.Create(6, 4, product.Entries);

        var error = Assert.Throws<ArgumentException>(() => FreivaldsCheck.Verify(request.A, request.B, transposedShape, new Random(1), rounds: 1));
        Assert.Contains("C is 6×4", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ComputeLimits.FreivaldsRoundsMax + 1)]
    public void A_round_count_outside_the_limits_is_refused(int rounds)
    {
        var (request, product) = Task(1, new MatrixShape(2, 2, 2));

        Assert.Throws<ArgumentOutOfRangeException>(() => FreivaldsCheck.Verify(request.A, request.B, product, new Random(1), rounds));
    }

    private static (MatrixProductRequest Request, FieldMatrix Product) Task(int seed, MatrixShape shape)
    {
        var request = new MatrixTaskGenerator((ulong)seed).Generate(taskId: 1, shape);
        return (request, MatrixMultiplier.Multiply(request.A, request.B));
    }

    private static (MatrixProductRequest Request, FieldMatrix Wrong) TaskWithOneWrongEntry(int seed)
    {
        var (request, product) = Task(seed, new MatrixShape(16, 16, 16));
        var pick = new SplitMix64((ulong)seed, stream: 99);
        var row = (int)(pick.NextUInt64() % 16);
        var col = (int)(pick.NextUInt64() % 16);
        var delta = 1 + (uint)(pick.NextUInt64() % (FieldArithmetic.Prime - 1));
        return (request, product.With(row, col, FieldArithmetic.Add(product[row, col], delta)));
    }
}
