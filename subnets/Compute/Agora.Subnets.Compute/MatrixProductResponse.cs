using System.Text.Json.Serialization;

namespace Agora.Subnets.Compute;

/// <summary>A miner's answer to a <see cref="MatrixProductRequest"/>: the product C = A · B mod p.</summary>
/// <param name="TaskId">The request's task id, echoed.</param>
/// <param name="C">The product, n×m.</param>
public sealed record MatrixProductResponse(
    [property: JsonPropertyName("task_id")] ulong TaskId,
    [property: JsonPropertyName("c")] FieldMatrix C);
