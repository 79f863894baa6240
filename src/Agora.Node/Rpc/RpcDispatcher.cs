using System.Buffers;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Agora.Core.Json;
using Microsoft.Extensions.Logging;

namespace Agora.Node.Rpc;

/// <summary>
/// JSON-RPC 2.0 over bytes, independent of the transport: parses a single request or a batch, runs the
/// handlers, and writes the response (or nothing when every call was a notification).
/// </summary>
#pragma warning disable CA1001 // _heavySlots: a SemaphoreSlim needs disposing only once its AvailableWaitHandle is used; it never is
public sealed partial class RpcDispatcher
#pragma warning restore CA1001
{
    private const int ShownMethodCharsMax = 100;

    /// <summary>Longest error message sent; a longer one (e.g. echoing input) is cut, so errors cannot amplify requests.</summary>
    private const int ErrorMessageCharsMax = 1024;
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    private readonly RpcMethods _methods;
    private readonly RpcServerOptions _options;
    private readonly RpcMetrics _metrics;
    private readonly ILogger<RpcDispatcher> _logger;
#pragma warning disable IDISP006 // see CA1001 above
    private readonly SemaphoreSlim _heavySlots;
#pragma warning restore IDISP006
    private long _internalErrors;

    /// <summary>A dispatcher over <paramref name="methods"/> enforcing <paramref name="options"/>' limits.</summary>
    public RpcDispatcher(RpcMethods methods, RpcServerOptions options, RpcMetrics metrics, ILogger<RpcDispatcher> logger)
    {
        _methods = methods;
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _heavySlots = new SemaphoreSlim(options.HeavyRequestsConcurrentMax, options.HeavyRequestsConcurrentMax);
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
            var isUtf8 = Utf8.IsValid(request.Span);
            if (!isUtf8 && root.ValueKind != JsonValueKind.Array)
            {
                return ErrorResponse(RpcErrorCodes.ParseError, "parse error: the request is not valid UTF-8; send JSON encoded as UTF-8");
            }

            var heavy = request.Length >= _options.HeavyRequestBytesMin || CallsHeavyMethod(root);
            if (heavy && !await _heavySlots.WaitAsync(_options.HeavyRequestWaitMax, cancellationToken))
            {
                _metrics.CountError(RpcMetrics.HeavyRequest, RpcErrorCodes.ServerBusy);
                return ErrorResponse(
                    RpcErrorCodes.ServerBusy,
                    $"server busy: {_options.HeavyRequestsConcurrentMax} large requests or heavy calls (such as chain_getBlock) are running (HeavyRequestsConcurrentMax); retry shortly");
            }

            try
            {
                if (root.ValueKind == JsonValueKind.Array)
                {
                    return await DispatchBatchAsync(root, isUtf8, session, cancellationToken);
                }

                return Bounded(root, await DispatchOneAsync(root, session, cancellationToken));
            }
            finally
            {
                if (heavy)
                {
                    _heavySlots.Release();
                }
            }
        }
    }

    /// <summary>A complete error response with a null id (for failures before any request was read).</summary>
    internal static byte[] ErrorResponse(int code, string message) => ErrorResponse(default, code, message, null);

    private async ValueTask<byte[]?> DispatchBatchAsync(JsonElement batch, bool isUtf8, RpcSession? session, CancellationToken cancellationToken)
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

        var textValid = new bool[count];
        for (var i = 0; i < count; i++)
        {
            // Only the items with invalid UTF-8 are refused; the others in the batch still run.
            textValid[i] = isUtf8 || Utf8.IsValid(JsonMarshal.GetRawUtf8Value(calls[i]));
        }

        var prepared = Prepare(calls, textValid, cancellationToken);
        var responses = new List<byte[]>(count);
        var responseBytes = 2L; // [ ]
        var overBudget = false;
        for (var i = 0; i < count; i++)
        {
            byte[]? response;
            if (!textValid[i])
            {
                response = ErrorResponse(RpcErrorCodes.InvalidRequest, $"invalid request: call {i} of the batch is not valid UTF-8; send JSON encoded as UTF-8");
            }
            else if (overBudget)
            {
                response = ErrorFor(
                    calls[i],
                    RpcErrorCodes.ResponseTooBig,
                    $"not run: the batch's response reached ResponseBytesMax ({_options.ResponseBytesMax} bytes) before call {i}; send it in a later request");
            }
            else
            {
                response = await DispatchOneAsync(calls[i], prepared?[i], session, cancellationToken);
                if (response is not null && responseBytes + response.Length + 1 > _options.ResponseBytesMax)
                {
                    overBudget = true;
                    response = ErrorFor(
                        calls[i],
                        RpcErrorCodes.ResponseTooBig,
                        $"call {i} ran but its response ({response.Length} bytes) would take the batch past ResponseBytesMax ({_options.ResponseBytesMax} bytes); send it alone or ask for less (e.g. chain_getBlock [hash, \"hashes\"])");
                }
            }

            if (response is not null)
            {
                responses.Add(response);
                responseBytes += response.Length + 1;
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
    private PreparedCall?[]? Prepare(JsonElement[] calls, bool[] textValid, CancellationToken cancellationToken)
    {
        var preparers = new Func<RpcParams, object?>?[calls.Length];
        var preparable = 0;
        for (var i = 0; i < calls.Length; i++)
        {
            if (textValid[i] && calls[i].ValueKind == JsonValueKind.Object
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

        string method;
        try
        {
            method = request.GetProperty("method").GetString()!;
        }
        catch (InvalidOperationException)
        {
            return ErrorResponse(id, RpcErrorCodes.InvalidRequest, "invalid request: \"method\" is not valid text (a lone UTF-16 surrogate escape); name a method", null);
        }

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
            outcome = parameters.Prepared is null && parameters.UnknownNamed() is { } unknown
                ? CallOutcome.Failed(unknown)
                : CallOutcome.Succeeded(Serialize(result));
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

    /// <summary>Whether the request (a call or a batch) calls a method marked heavy with <see cref="RpcMethods.MarkHeavy"/>.</summary>
    private bool CallsHeavyMethod(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            return IsHeavyCall(root);
        }

        if (root.ValueKind == JsonValueKind.Array)
        {
            using var calls = root.EnumerateArray();
            foreach (var call in calls)
            {
                if (call.ValueKind == JsonValueKind.Object && IsHeavyCall(call))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsHeavyCall(JsonElement call)
    {
        if (!call.TryGetProperty("method", out var method) || method.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            return _methods.IsHeavy(method.GetString()!, call.TryGetProperty("params", out var parameters) ? parameters : default);
        }
        catch (InvalidOperationException)
        {
            return false; // not valid text: answered as an invalid request later
        }
    }

    /// <summary>A single call's response, or error -32008 in its place when it is over ResponseBytesMax.</summary>
    private byte[]? Bounded(JsonElement call, byte[]? response) =>
        response is not null && response.Length > _options.ResponseBytesMax
            ? ErrorFor(
                call,
                RpcErrorCodes.ResponseTooBig,
                $"the response ({response.Length} bytes) is over ResponseBytesMax ({_options.ResponseBytesMax} bytes); ask for less (e.g. chain_getBlock [hash, \"hashes\"])")
            : response;

    /// <summary>An error answering <paramref name="call"/> (null for a notification: it gets no answer).</summary>
    private static byte[]? ErrorFor(JsonElement call, int code, string message)
    {
        if (call.ValueKind != JsonValueKind.Object || !call.TryGetProperty("id", out var id))
        {
            return call.ValueKind == JsonValueKind.Object ? null : ErrorResponse(code, message);
        }

        return ErrorResponse(id.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null ? id : default, code, message, null);
    }

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
            writer.WriteString("message", message.Length <= ErrorMessageCharsMax ? message : string.Concat(message.AsSpan(0, ErrorMessageCharsMax), "…"));
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
