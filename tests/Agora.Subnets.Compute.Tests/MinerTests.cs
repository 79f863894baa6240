namespace Agora.Subnets.Compute.Tests;

public sealed class MinerTests
{
    private static readonly MatrixTaskGenerator _tasks = new(11);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task The_honest_miner_returns_the_exact_product_under_the_task_id(int threads)
    {
        var request = _tasks.Generate(21, new MatrixShape(20, 30, 10));

        var response = await new HonestMiner(threads).ForwardAsync(request, CancellationToken.None);

        Assert.Equal(21UL, response.TaskId);
        Assert.True(RecomputeCheck.Verify(request.A, request.B, response.C));
    }

    [Fact]
    public async Task The_wrong_miner_computes_all_but_its_skipped_rows_and_copies_the_last_computed_row_into_them()
    {
        var request = _tasks.Generate(1, new MatrixShape(6, 5, 4));
        var product = MatrixMultiplier.Multiply(request.A, request.B);

        var response = await new WrongMiner(skippedRows: 2).ForwardAsync(request, CancellationToken.None);

        Assert.Equal(1UL, response.TaskId);
        Assert.Equal(product.Entries[..16].ToArray(), response.C.Entries[..16].ToArray());
        Assert.Equal(product.Row(3).ToArray(), response.C.Row(4).ToArray());
        Assert.Equal(product.Row(3).ToArray(), response.C.Row(5).ToArray());
        Assert.False(RecomputeCheck.Verify(request.A, request.B, response.C));
    }

    [Fact]
    public void The_wrong_miner_skips_at_least_one_row()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WrongMiner(skippedRows: 0));
    }

    [Fact]
    public async Task The_stale_miner_answers_its_first_task_right_and_every_later_one_with_that_product()
    {
        var miner = new StaleMiner();
        var first = _tasks.Generate(1, MatrixShape.Square(8));
        var second = _tasks.Generate(2, MatrixShape.Square(8));

        var firstAnswer = await miner.ForwardAsync(first, CancellationToken.None);
        var secondAnswer = await miner.ForwardAsync(second, CancellationToken.None);

        Assert.True(RecomputeCheck.Verify(first.A, first.B, firstAnswer.C));
        Assert.Equal(2UL, secondAnswer.TaskId);
        Assert.True(secondAnswer.C.ContentEquals(firstAnswer.C));
    }

    [Fact]
    public async Task The_lazy_miner_answers_random_residues_of_the_right_shape()
    {
        var request = _tasks.Generate(3, new MatrixShape(4, 9, 6));

        var response = await new LazyMiner(seed: 1).ForwardAsync(request, CancellationToken.None);

        Assert.Equal((4, 6), (response.C.Rows, response.C.Cols));
        Assert.Null(MatrixProductRequest.CheckEntries("c", response.C));
        Assert.False(RecomputeCheck.Verify(request.A, request.B, response.C));
    }
}
