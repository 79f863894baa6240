using System.Text.Json;

namespace Agora.Sdk.Client;

/// <summary>A call on the WebSocket waiting for the response with its id.</summary>
internal sealed class WebSocketCall
{
    private readonly Action<JsonElement>? _onResult;

    /// <param name="onResult">Runs on the read loop before the next message is read (subscriptions register here).</param>
    public WebSocketCall(Action<JsonElement>? onResult)
    {
        _onResult = onResult;
    }

    public TaskCompletionSource<JsonElement> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Deliver(JsonElement response)
    {
        if (_onResult is not null && response.TryGetProperty("result", out var result) && !response.TryGetProperty("error", out _))
        {
            _onResult(result);
        }

        Completion.TrySetResult(response.Clone());
    }
}
