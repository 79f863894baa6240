namespace Agora.Subnets.Compute;

/// <summary>
/// The validator's tasks: A and B of residues uniform mod p, derived from the validator's seed and the task id alone,
/// so any task can be regenerated (and a run replayed) from two numbers.
/// </summary>
/// <param name="seed">The validator's task seed.</param>
public sealed class MatrixTaskGenerator(ulong seed)
{
    /// <summary>The task <paramref name="taskId"/> of the given shape.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is outside 1..<see cref="ComputeLimits.DimensionMax"/>.</exception>
    public MatrixProductRequest Generate(ulong taskId, MatrixShape shape)
    {
        CheckDimension(shape.Rows);
        CheckDimension(shape.Inner);
        CheckDimension(shape.Cols);
        var stream = new SplitMix64(seed, taskId);
        var a = stream.NextMatrix(shape.Rows, shape.Inner);
        var b = stream.NextMatrix(shape.Inner, shape.Cols);
        return new MatrixProductRequest(taskId, a, b);
    }

    private static void CheckDimension(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, ComputeLimits.DimensionMax);
    }
}
