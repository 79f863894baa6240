namespace Agora.Subnets.Compute;

/// <summary>
/// Cheats to save work: computes all rows of the product but the last <paramref name="skippedRows"/>, and fills those
/// with copies of the last row it did compute, so the answer has the right shape, echoes the task id and looks
/// plausible. Only a check of the entries catches it.
/// </summary>
/// <param name="skippedRows">Rows at the bottom of C not computed (at least 1).</param>
public sealed class WrongMiner(int skippedRows = 1) : IComputeMiner
{
    private readonly int _skippedRows = skippedRows >= 1
        ? skippedRows
        : throw new ArgumentOutOfRangeException(nameof(skippedRows), skippedRows, "A wrong miner skips at least one row.");

    /// <inheritdoc/>
    public ValueTask<MatrixProductResponse> ForwardAsync(MatrixProductRequest request, CancellationToken cancellationToken)
    {
        ComputeRequestException.ThrowIfInvalid(request);
        var computed = Math.Max(0, request.A.Rows - _skippedRows);
        var partial = MatrixMultiplier.MultiplyRows(request.A, request.B, computed, 1, cancellationToken);
        var entries = partial.Entries.ToArray();
        var cols = partial.Cols;
        if (computed > 0)
        {
            var lastComputed = entries.AsSpan((computed - 1) * cols, cols);
            for (var i = computed; i < partial.Rows; i++)
            {
                lastComputed.CopyTo(entries.AsSpan(i * cols, cols));
            }
        }

        return ValueTask.FromResult(new MatrixProductResponse(request.TaskId, FieldMatrix.Wrap(partial.Rows, cols, entries)));
    }
}
