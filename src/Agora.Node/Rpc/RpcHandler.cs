namespace Agora.Node.Rpc;

/// <summary>
/// Runs one JSON-RPC method. Return the result object (serialized with <see cref="Agora.Core.Json.AgoraJson.Options"/>:
/// snake_case keys, u64 as JSON integers, hashes as 0x-hex), a <see cref="System.Text.Json.JsonElement"/>
/// or a <see cref="System.Text.Json.Nodes.JsonNode"/>; throw <see cref="RpcException"/> for an error answer.
/// </summary>
public delegate ValueTask<object?> RpcHandler(RpcParams parameters, CancellationToken cancellationToken);
