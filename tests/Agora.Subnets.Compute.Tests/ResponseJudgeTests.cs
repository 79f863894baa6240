namespace Agora.Subnets.Compute.Tests;

public sealed class ResponseJudgeTests
{
    private static readonly MatrixProductRequest _request = new MatrixTaskGenerator(9).Generate(5, new MatrixShape(6, 7, 8));
    private static readonly FieldMatrix _product = MatrixMultiplier.Multiply(_request.A, _request.B);

    [Fact]
    public void The_exact_product_under_the_task_id_is_correct()
    {
        Assert.Equal(ResponseVerdict.Correct, ResponseJudge.Judge(_request, new MatrixProductResponse(5, _product), new Random(1)));
    }

    [Fact]
    public void No_answer_or_an_answer_without_a_matrix_is_no_response()
    {
        Assert.Equal(ResponseVerdict.NoResponse, ResponseJudge.Judge(_request, null, new Random(1)));
        Assert.Equal(ResponseVerdict.NoResponse, ResponseJudge.Judge(_request, new MatrixProductResponse(5, null!), new Random(1)));
    }

    [Fact]
    public void The_right_product_under_another_task_id_is_refused()
    {
        Assert.Equal(ResponseVerdict.WrongTaskId, ResponseJudge.Judge(_request, new MatrixProductResponse(4, _product), new Random(1)));
    }

    [Fact]
    public void A_product_of_the_wrong_shape_is_refused()
    {
        var transposedShape = FieldMatrix.Create(8, 6, _product.Entries);

        Assert.Equal(ResponseVerdict.WrongShape, ResponseJudge.Judge(_request, new MatrixProductResponse(5, transposedShape), new Random(1)));
    }

    [Fact]
    public void An_entry_outside_the_field_is_refused_even_when_congruent_to_the_right_one()
    {
        // p + x ≡ x mod p, but entries must be reduced: one encoding per answer.
        var unreduced = _product.With(0, 0, _product[0, 0] + FieldArithmetic.Prime);

        Assert.Equal(ResponseVerdict.EntryOutOfField, ResponseJudge.Judge(_request, new MatrixProductResponse(5, unreduced), new Random(1)));
    }

    [Fact]
    public void A_product_with_one_wrong_entry_is_a_wrong_product()
    {
        var wrong = _product.With(5, 7, FieldArithmetic.Add(_product[5, 7], 1));

        Assert.Equal(ResponseVerdict.WrongProduct, ResponseJudge.Judge(_request, new MatrixProductResponse(5, wrong), new Random(1)));
    }
}
