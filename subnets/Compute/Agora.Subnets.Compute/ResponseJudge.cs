namespace Agora.Subnets.Compute;

/// <summary>
/// The validator's correctness check of one answer: the cheap structural checks first (task id, shape, residues),
/// then <see cref="FreivaldsCheck"/>. The subnet's own pure function; the framework only supplies the randomness.
/// </summary>
public static class ResponseJudge
{
    /// <summary>Freivalds rounds a validator runs by default: two field rounds miss a wrong product with ≤ p^-2 ≈ 2^-62.</summary>
    public const int DefaultRounds = 2;

    /// <summary>
    /// Judges <paramref name="response"/> (null when none arrived) to <paramref name="request"/>, a request the
    /// validator built (so already valid), drawing Freivalds vectors from <paramref name="random"/>.
    /// </summary>
    public static ResponseVerdict Judge(
        MatrixProductRequest request,
        MatrixProductResponse? response,
        Random random,
        int rounds = DefaultRounds,
        FreivaldsVectors vectors = FreivaldsVectors.Field)
    {
        // A deserialized response may have a null matrix whatever the annotation says.
        if (response?.C is not { } c)
        {
            return ResponseVerdict.NoResponse;
        }

        if (response.TaskId != request.TaskId)
        {
            return ResponseVerdict.WrongTaskId;
        }

        if (c.Rows != request.A.Rows || c.Cols != request.B.Cols)
        {
            return ResponseVerdict.WrongShape;
        }

        if (MatrixProductRequest.CheckEntries("c", c) is not null)
        {
            return ResponseVerdict.EntryOutOfField;
        }

        return FreivaldsCheck.Verify(request.A, request.B, c, random, rounds, vectors)
            ? ResponseVerdict.Correct
            : ResponseVerdict.WrongProduct;
    }
}
