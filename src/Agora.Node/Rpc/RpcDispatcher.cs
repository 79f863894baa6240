using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agora.Core.Json;
using Microsoft.Extensions.Logging;

namespace Agora.Node.Rpc;

/// <summary>
/// JSON-RPC 2.0 over bytes, independent of the transport: parses a single request or a batch, runs the
/// handlers, and writes the response (or nothing when every call was a notification).
/// </summary>
public sealed partial class RpcDispatcher
{
    private const int ShownMethodCharsMax = 100;
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    private readonly RpcMethods _methods;
    private readonly RpcServerOptions _options;
    private readonly RpcMetrics _metrics;
    private readonly ILogger<RpcDispatcher> _logger;
    private long _internalErrors;

    /// <summary>A dispatcher over <paramref name="methods"/> enforcing <paramref name="options"/>' limits.</summary>
    public RpcDispatcher(RpcMethods methods, RpcServerOptions options, RpcMetrics metrics, ILogger<RpcDispatcher> logger)
    {
        _methods = methods;
        _options = options;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>
    /// Runs the request in <paramref name="request"/> and returns the UTF-8 JSON response, or null when
    /// nothing must be sent back (notifications only).
    /// </summary>
    public ValueTask<byte[]?> DispatchAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken) =>
        DispatchAsync(request, session: null, cancellationToken);

    internal async ValueTask<byte[]?> DispatchAsync(ReadOnlyMemory<byte> request, RpcSession? session, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(request, DocumentOptions);
        }
        catch (JsonException e)
        {
            return ErrorResponse(RpcErrorCodes.ParseError, $"parse error: the request is not valid JSON ({e.Message}); send a JSON-RPC object or an array of them");
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Array
                ? await DispatchBatchAsync(root, session, cancellationToken)
                : await DispatchOneAsync(root, session, cancellationToken);
        }
    }

    /// <summary>A complete error response with a null id (for failures before any request was read).</summary>
    internal static byte[] ErrorResponse(int code, string message) => ErrorResponse(default, code, message, null);

    private async ValueTask<byte[]?> DispatchBatchAsync(JsonElement batch, RpcSession? session, CancellationToken cancellationToken)
    {
        var count = batch.GetArrayLength();
        if (count == 0)
        {
            return ErrorResponse(RpcErrorCodes.InvalidRequest, "invalid request: the batch is empty; send at least one call");
        }

        if (count > _options.BatchCountMax)
        {
            return ErrorResponse(
                RpcErrorCodes.BatchTooBig,
                $"the batch has {count} calls, more than BatchCountMax ({_options.BatchCountMax}); split it into smaller batches");
        }

        var calls = new JsonElement[count];
        var index = 0;
        using var items = batch.EnumerateArray();
        foreach (var call in items)
        {
            calls[index++] = call;
        }

        var prepared = Prepare(calls, cancellationToken);
        var responses = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            if (await DispatchOneAsync(calls[i], prepared?[i], session, cancellationToken) is { } response)
            {
                responses.Add(response);
            }
        }

        if (responses.Count == 0)
        {
            return null; // a batch of notifications only gets no response at all
        }

        var length = 1 + responses.Sum(r => r.Length + 1);
        var joined = new byte[length];
        joined[0] = (byte)'[';
        var at = 1;
        foreach (var response in responses)
        {
            response.CopyTo(joined, at);
            at += response.Length;
            joined[at++] = (byte)',';
        }

        joined[^1] = (byte)']';
        return joined;
    }

    /// <summary>
    /// Runs the preparation step of every call in the batch whose method has one (see <see cref="RpcMethods"/>), in
    /// parallel on all cores; null when fewer than two calls have one. Handlers still run one by one, in batch order.
    /// </summary>
    private PreparedCall?[]? Prepare(JsonElement[] calls, CancellationToken cancellationToken)
    {
        var preparers = new Func<RpcParams, object?>?[calls.Length];
        var preparable = 0;
        for (var i = 0; i < calls.Length; i++)
        {
            if (calls[i].ValueKind == JsonValueKind.Object
                && calls[i].TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String
                && _methods.TryGetPreparer(method.GetString()!, out var prepare))
            {
                preparers[i] = prepare;
                preparable++;
            }
        }

        if (preparable < 2)
        {
            return null;
        }

        var prepared = new PreparedCall?[calls.Length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, calls.Length, options, i =>
        {
            if (preparers[i] is { } prepare && Validate(calls[i]) is null)
            {
                calls[i].TryGetProperty("params", out var rawParams);
                prepared[i] = PreparedCall.Run(prepare, new RpcParams(calls[i].GetProperty("method").GetString()!, rawParams));
            }
        });
        return prepared;
    }

    /// <summary>Runs one call; returns its response, or null for a notification.</summary>
    private ValueTask<byte[]?> DispatchOneAsync(JsonElement request, RpcSession? session, CancellationToken cancellationToken) =>
        DispatchOneAsync(request, null, session, cancellationToken);

    private async ValueTask<byte[]?> DispatchOneAsync(JsonElement request, PreparedCall? prepared, RpcSession? session, CancellationToken cancellationToken)
    {
        if (request.ValueKind != JsonValueKind.Object)
        {
            return ErrorResponse(RpcErrorCodes.InvalidRequest, "invalid request: each call must be a JSON object with \"jsonrpc\": \"2.0\", \"method\", and optional \"params\" and \"id\"");
        }

        var hasId = request.TryGetProperty("id", out var id);
        if (hasId && id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null))
        {
            return ErrorResponse(RpcErrorCodes.InvalidRequest, "invalid request: \"id\" must be a string, a number or null");
        }

        if (Validate(request) is { } problem)
        {
            return ErrorResponse(id, RpcErrorCodes.InvalidRequest, problem, null);
        }

        var method = request.GetProperty("method").GetString()!;
        request.TryGetProperty("params", out var rawParams);
        var outcome = await InvokeAsync(method, new RpcParams(method, rawParams, prepared), session, cancellationToken);
        if (!hasId)
        {
            return null;
        }

        return outcome.Error is { } error
            ? ErrorResponse(id, error.Code, error.Message, error.ErrorData)
            : ResultResponse(id, outcome.Result);
    }

    private static string? Validate(JsonElement request)
    {
        if (!request.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || !version.ValueEquals("2.0"))
        {
            return "invalid request: \"jsonrpc\" must be the string \"2.0\"";
        }

        if (!request.TryGetProperty("method", out var method) || method.ValueKind != JsonValueKind.String)
        {
            return "invalid request: \"method\" must be a string naming the method";
        }

        if (request.TryGetProperty("params", out var parameters) && parameters.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object))
        {
            return "invalid request: \"params\" must be an array (by position) or an object (by name), or left out";
        }

        return null;
    }

    private async ValueTask<CallOutcome> InvokeAsync(string method, RpcParams parameters, RpcSession? session, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (!_methods.TryGet(method, out var handler))
        {
            _metrics.CountCall(RpcMetrics.UnknownMethod, TimeSpan.Zero);
            _metrics.CountError(RpcMetrics.UnknownMethod, RpcErrorCodes.MethodNotFound);
            var shown = method.Length > ShownMethodCharsMax ? string.Concat(method.AsSpan(0, ShownMethodCharsMax), "…") : method;
            return CallOutcome.Failed(new RpcException(
                RpcErrorCodes.MethodNotFound,
                $"method not found: {shown}; call rpc_methods for the methods this node serves"));
        }

        CallOutcome outcome;
        try
        {
            var result = await handler(parameters, session, cancellationToken);
            outcome = CallOutcome.Succeeded(Serialize(result));
        }
        catch (RpcException e)
        {
            outcome = CallOutcome.Failed(e);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any handler failure must become an error response, not a dropped connection.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var reference = Interlocked.Increment(ref _internalErrors);
            _logger.HandlerFailed(method, reference, e);
            outcome = CallOutcome.Failed(new RpcException(
                RpcErrorCodes.InternalError,
                $"internal error in {method} (reference {reference}); the node log has the details — please report it"));
        }

        _metrics.CountCall(method, Stopwatch.GetElapsedTime(started));
        if (outcome.Error is { } error)
        {
            _metrics.CountError(method, error.Code);
        }

        return outcome;
    }

    private static byte[] Serialize(object? result) => result switch
    {
        null => "null"u8.ToArray(),
        JsonElement element => JsonSerializer.SerializeToUtf8Bytes(element),
        JsonNode node => JsonSerializer.SerializeToUtf8Bytes(node),
        _ => JsonSerializer.SerializeToUtf8Bytes(result, result.GetType(), AgoraJson.Options),
    };

    private static byte[] ResultResponse(JsonElement id, byte[] result)
    {
        var buffer = new ArrayBufferWriter<byte>(result.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WritePropertyName("result");
            writer.WriteRawValue(result, skipInputValidation: true);
            WriteId(writer, id);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] ErrorResponse(JsonElement id, int code, string message, object? errorData)
    {
        var data = SerializeErrorData(errorData);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            if (data is not null)
            {
                writer.WritePropertyName("data");
                writer.WriteRawValue(data, skipInputValidation: true);
            }

            writer.WriteEndObject();
            WriteId(writer, id);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[]? SerializeErrorData(object? errorData)
    {
        if (errorData is null)
        {
            return null;
        }

        try
        {
            return Serialize(errorData);
        }
        catch (NotSupportedException)
        {
            return null; // the message still explains the error; data is optional
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void WriteId(Utf8JsonWriter writer, JsonElement id)
    {
        writer.WritePropertyName("id");
        if (id.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            id.WriteTo(writer);
        }
    }
}
