namespace Agora.Subnets.Compute;

/// <summary>A refused request: the error, the JSON field at fault (<c>a.rows</c>, <c>b.data[7]</c>) and the fix.</summary>
/// <param name="Error">What was wrong.</param>
/// <param name="Field">The request field at fault, as named on the wire.</param>
/// <param name="Message">What was expected, what was found, and what to send instead.</param>
public sealed record ComputeProblem(ComputeError Error, string Field, string Message);
