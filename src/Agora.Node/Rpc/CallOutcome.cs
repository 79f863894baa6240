namespace Agora.Node.Rpc;

/// <summary>The serialized result of a call, or the error it answered with.</summary>
internal readonly record struct CallOutcome(byte[] Result, RpcException? Error)
{
    public static CallOutcome Succeeded(byte[] result) => new(result, null);

    public static CallOutcome Failed(RpcException error) => new([], error);
}
