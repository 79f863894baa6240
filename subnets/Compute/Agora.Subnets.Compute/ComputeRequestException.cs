namespace Agora.Subnets.Compute;

/// <summary>A miner refused a malformed request; <see cref="Problem"/> names the field and the fix.</summary>
public sealed class ComputeRequestException : Exception
{
    /// <summary>A refusal for <paramref name="problem"/>.</summary>
    public ComputeRequestException(ComputeProblem problem)
        : base($"{problem.Field}: {problem.Message}")
    {
        Problem = problem;
    }

    /// <summary>What was wrong with the request.</summary>
    public ComputeProblem Problem { get; }

    /// <summary>Throws for the request's first problem, if it has one.</summary>
    public static void ThrowIfInvalid(MatrixProductRequest request)
    {
        if (request.Validate() is { } problem)
        {
            throw new ComputeRequestException(problem);
        }
    }
}
