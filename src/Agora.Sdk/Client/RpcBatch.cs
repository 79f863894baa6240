using System.Buffers;
using System.Text.Json;

namespace Agora.Sdk.Client;

/// <summary>
/// Several calls sent as one JSON-RPC batch. <see cref="Add{T}"/> returns a task per call that completes
/// (with its result or its own <see cref="RpcException"/>) when <see cref="SendAsync"/> has the answer.
/// </summary>
public sealed class RpcBatch
{
    private readonly RpcClient _client;
    private readonly List<PendingCall> _calls = [];
    private bool _sent;

    internal RpcBatch(RpcClient client)
    {
        _client = client;
    }

    /// <summary>Calls added so far.</summary>
    public int Count => _calls.Count;

    /// <summary>Adds a call; its task completes after <see cref="SendAsync"/>.</summary>
    public Task<T> Add<T>(string method, object?[]? parameters = null)
    {
        if (_sent)
        {
            throw new InvalidOperationException("this batch was already sent; create a new one with RpcClient.CreateBatch()");
        }

        var call = new PendingCallOf<T>(_client.NextId(), method, parameters);
        _calls.Add(call);
        return call.Task;
    }

    /// <summary>
    /// Sends every call in one request. Throws if the whole batch failed (unreachable, rejected as too big);
    /// a single call's error goes to that call's task only. A batch of reads only is retried like a read.
    /// </summary>
    public async Task SendAsync(CancellationToken cancellationToken = default)
    {
        if (_sent)
        {
            throw new InvalidOperationException("this batch was already sent; create a new one with RpcClient.CreateBatch()");
        }

        _sent = true;
        if (_calls.Count == 0)
        {
            return;
        }

        var what = $"batch of {_calls.Count} calls";
        try
        {
            var response = await _client.PostRetriedAsync(Body(), what, _calls.Select(c => c.Method), cancellationToken)
                ?? throw new RpcProtocolException($"{what}: the node at {_client.Endpoint} sent no response; expected an array of results");
            using var document = _client.Parse(response, what);
            Complete(document.RootElement, what);
        }
        catch (Exception e)
        {
            foreach (var call in _calls)
            {
                call.Fail(e);
            }

            throw;
        }
    }

    private byte[] Body()
    {
        var buffer = new ArrayBufferWriter<byte>(128 * _calls.Count);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var call in _calls)
            {
                RpcWire.WriteRequest(writer, call.Id, call.Method, call.Parameters);
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private void Complete(JsonElement root, string what)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            RpcWire.Result(root, what, _client.Endpoint); // a batch-level error: throws it
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new RpcProtocolException($"{what}: the node at {_client.Endpoint} sent {RpcWire.Shown(root)}; expected an array of responses");
        }

        var byId = new Dictionary<long, JsonElement>();
        for (var i = 0; i < root.GetArrayLength(); i++)
        {
            var response = root[i];
            if (response.ValueKind == JsonValueKind.Object && response.TryGetProperty("id", out var id) && id.TryGetInt64(out var number))
            {
                byId[number] = response;
            }
        }

        foreach (var call in _calls)
        {
            if (byId.TryGetValue(call.Id, out var response))
            {
                call.Complete(response, _client.Endpoint);
            }
            else
            {
                call.Fail(new RpcProtocolException($"{call.Method}: the node's batch response has no answer for id {call.Id}"));
            }
        }
    }
}
