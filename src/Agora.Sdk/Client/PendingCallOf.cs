using System.Text.Json;

namespace Agora.Sdk.Client;

/// <summary>A batched call whose result reads as <typeparamref name="T"/>.</summary>
internal sealed class PendingCallOf<T> : PendingCall
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PendingCallOf(long id, string method, object?[]? parameters)
        : base(id, method, parameters)
    {
    }

#pragma warning disable VSTHRD003 // the batch's caller awaits it; no UI context here
    public Task<T> Task => _completion.Task;
#pragma warning restore VSTHRD003

    public override void Complete(JsonElement response, Uri endpoint)
    {
        try
        {
            _completion.TrySetResult(RpcWire.Convert<T>(RpcWire.Result(response, Method, endpoint), Method));
        }
        catch (RpcClientException e)
        {
            _completion.TrySetException(e);
        }
    }

    public override void Fail(Exception error) => _completion.TrySetException(error);
}
