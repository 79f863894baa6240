using System.Text.Json;

namespace Agora.Subnets.Compute.Tests;

public sealed class RequestValidationTests
{
    [Fact]
    public void A_generated_request_is_valid()
    {
        var request = new MatrixTaskGenerator(1).Generate(5, new MatrixShape(3, 4, 5));

        Assert.Null(request.Validate());
    }

    [Theory]
    [InlineData(0, 2, 2, 2, "a.rows")]
    [InlineData(2, 0, 0, 2, "a.cols")]
    [InlineData(ComputeLimits.DimensionMax + 1, 1, 1, 1, "a.rows")]
    [InlineData(1, ComputeLimits.DimensionMax + 1, ComputeLimits.DimensionMax + 1, 1, "a.cols")]
    [InlineData(2, 2, 2, 0, "b.cols")]
    [InlineData(1, 1, 1, ComputeLimits.DimensionMax + 1, "b.cols")]
    public void A_dimension_outside_1_to_the_limit_is_refused_naming_the_field(int aRows, int aCols, int bRows, int bCols, string field)
    {
        var request = new MatrixProductRequest(1, Zeros(aRows, aCols), Zeros(bRows, bCols));

        var problem = request.Validate();

        Assert.NotNull(problem);
        Assert.Equal(ComputeError.DimensionOutOfRange, problem.Error);
        Assert.Equal(field, problem.Field);
        Assert.Contains($"1 to {ComputeLimits.DimensionMax}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void B_with_a_row_count_other_than_As_column_count_is_refused_naming_b_rows()
    {
        var request = new MatrixProductRequest(1, Zeros(2, 3), Zeros(4, 2));

        var problem = request.Validate();

        Assert.NotNull(problem);
        Assert.Equal(ComputeError.InnerDimensionMismatch, problem.Error);
        Assert.Equal("b.rows", problem.Field);
        Assert.Contains("A is 2×3 but B has 4 rows", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_that_is_not_a_residue_is_refused_naming_its_index()
    {
        // Given B whose entry 5 (row 1, column 2) is p itself
        var entries = new uint[9];
        entries[5] = FieldArithmetic.Prime;
        var request = new MatrixProductRequest(1, Zeros(2, 3), FieldMatrix.Create(3, 3, entries));

        var problem = request.Validate();

        Assert.NotNull(problem);
        Assert.Equal(ComputeError.EntryOutOfField, problem.Error);
        Assert.Equal("b.data[5]", problem.Field);
        Assert.Contains("row 1, column 2", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"task_id":1,"b":{"rows":1,"cols":1,"data":"AAAAAA=="}}""", "a")]
    [InlineData("""{"task_id":1,"a":{"rows":1,"cols":1,"data":"AAAAAA=="}}""", "b")]
    public void A_request_missing_a_matrix_is_refused_naming_it(string json, string field)
    {
        var request = JsonSerializer.Deserialize<MatrixProductRequest>(json)!;

        var problem = request.Validate();

        Assert.NotNull(problem);
        Assert.Equal(ComputeError.MatrixMissing, problem.Error);
        Assert.Equal(field, problem.Field);
    }

    [Fact]
    public async Task A_miner_refuses_an_invalid_request_with_its_problem()
    {
        var request = new MatrixProductRequest(1, Zeros(2, 3), Zeros(4, 2));

        var error = await Assert.ThrowsAsync<ComputeRequestException>(async () => await new HonestMiner().ForwardAsync(request, CancellationToken.None));

        Assert.Equal(ComputeError.InnerDimensionMismatch, error.Problem.Error);
        Assert.StartsWith("b.rows: ", error.Message, StringComparison.Ordinal);
    }

    private static FieldMatrix Zeros(int rows, int cols) => FieldMatrix.Create(rows, cols, new uint[rows * cols]);
}
