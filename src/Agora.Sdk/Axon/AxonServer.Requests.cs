using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Sdk.Synapses;
using Microsoft.AspNetCore.Http;

namespace Agora.Sdk.Axon;

/// <summary>The request pipeline: every check before the handler, cheapest and least forgeable first.</summary>
public sealed partial class AxonServer
{
    private static readonly byte[] HealthBody = """{"status":"ok"}"""u8.ToArray();

    private async Task ServeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        if (HttpMethods.IsGet(http.Request.Method) && path == "/health")
        {
            http.Response.ContentType = "application/json";
            await http.Response.Body.WriteAsync(HealthBody, http.RequestAborted);
            return;
        }

        var started = _time.GetTimestamp();
        var name = path.StartsWith(SynapseName.PathPrefix, StringComparison.Ordinal) ? path[SynapseName.PathPrefix.Length..] : null;
        if (!HttpMethods.IsPost(http.Request.Method) || name is null || !_served.TryGetValue(name, out var synapse))
        {
            var refusal = AxonRefusal.UnknownSynapse(
                $"{http.Request.Method} {path} is not served; this axon serves GET /health and POST {SynapseName.PathPrefix}{{{string.Join("|", _served.Keys.Order(StringComparer.Ordinal))}}}");
            await RefuseAsync(http, AxonMetrics.UnknownSynapse, null, refusal, started);
            return;
        }

        var (accepted, problem) = await AcceptAsync(http, synapse);
        if (problem is not null)
        {
            await RefuseAsync(http, synapse.Name, accepted?.Context.Caller, problem, started);
            return;
        }

        await RunAsync(http, synapse, accepted!, started);
    }

    /// <summary>Checks a request in order: headers, callee, declared size, registration, signature, body, nonce, rate.</summary>
    private async Task<(AcceptedRequest? Accepted, AxonRefusal? Refusal)> AcceptAsync(HttpContext http, ServedSynapse synapse)
    {
        var headers = AxonRequestHeaders.TryParse(http.Request.Headers, out var refusal);
        if (headers is null)
        {
            return (null, refusal);
        }

        var unverified = new AcceptedRequest(null!, new SynapseContext(synapse.Name, headers.Caller, Rao.Zero, headers.Nonce));
        if (headers.Callee != Hotkey)
        {
            return (unverified, AxonRefusal.WrongCallee($"the request is for {Ss58.Encode(headers.Callee)}, this axon is {Ss58.Encode(Hotkey)}; refresh the metagraph"));
        }

        if (http.Request.ContentLength > _options.RequestBytesMax)
        {
            return (unverified, TooLarge(http.Request.ContentLength.Value));
        }

        // Registration before the signature: unregistered floods cost a lookup, not an Ed25519 verification.
        var registered = _callers.TryGetStake(headers.Caller, out var stake);
        if (_options.Blacklist.Contains(headers.Caller))
        {
            return (unverified, AxonRefusal.NotRegistered($"caller {Ss58.Encode(headers.Caller)} is blacklisted by this axon"));
        }

        if (!registered && !_options.Allowlist.Contains(headers.Caller))
        {
            return (unverified, AxonRefusal.NotRegistered($"caller {Ss58.Encode(headers.Caller)} is not registered on this subnet; register the hotkey first"));
        }

        var message = SynapseMessage.Encode(headers.Caller, headers.Callee, headers.Nonce, synapse.Name, headers.BodyHash);
        if (!Ed25519.Verify(headers.Caller, message, headers.Signature))
        {
            return (unverified, AxonRefusal.BadSignature($"the signature is not {Ss58.Encode(headers.Caller)}'s over this request (docs/axon.md: the signed message)"));
        }

        var body = await ReadBodyAsync(http.Request.BodyReader, _options.RequestBytesMax, http.RequestAborted);
        if (body is null)
        {
            return (unverified, TooLarge(null));
        }

        var actualHash = Hash256.Of(body);
        if (actualHash != headers.BodyHash)
        {
            return (unverified, AxonRefusal.BodyHashMismatch($"the body hashes to {actualHash}, the header says {headers.BodyHash}; hash the exact bytes sent"));
        }

        // Nonce and rate after the signature, so that nobody can spend another caller's nonces or tokens.
        if (!_nonces!.TryAccept(headers.Caller, headers.Nonce, out var stale))
        {
            return (unverified, AxonRefusal.StaleNonce(stale));
        }

        if (!_rates.TryTake(headers.Caller))
        {
            return (unverified, AxonRefusal.RateLimited(
                $"caller {Ss58.Encode(headers.Caller)} is over {_options.CallerRequestsPerSecondMax} requests per second (burst {_options.CallerBurstMax}); slow down"));
        }

        object request;
        try
        {
            request = synapse.Parse(body);
        }
        catch (JsonException e)
        {
            return (unverified, AxonRefusal.BadRequest($"the body is not {synapse.Name}'s request JSON: {e.Message}"));
        }

        return (new AcceptedRequest(request, unverified.Context with { CallerStake = stake }), null);
    }

    private AxonRefusal TooLarge(long? declared) => AxonRefusal.BodyTooLarge(
        $"the body is {(declared is { } bytes ? $"{bytes} bytes" : "larger than that")}; this axon accepts at most {_options.RequestBytesMax} bytes");

    /// <summary>Waits for a handler slot (by stake), runs the handler, writes its response.</summary>
    private async Task RunAsync(HttpContext http, ServedSynapse synapse, AcceptedRequest accepted, long started)
    {
        var context = accepted.Context;
        var entered = _admission.EnterAsync(context.CallerStake, http.RequestAborted);
        _metrics.SetQueued(_admission.Queued);
        if (!await entered)
        {
            _metrics.SetQueued(_admission.Queued);
            await RefuseAsync(http, synapse.Name, context.Caller, AxonRefusal.Overloaded(
                $"this axon is full ({_options.ConcurrentRequestsMax} running, {_options.QueuedRequestsMax} waiting) and callers with more stake are waiting; retry later"), started);
            return;
        }

        _metrics.SetQueued(_admission.Queued);
        _metrics.HandlerStarted(synapse.Name);
        byte[] response;
        try
        {
            response = await synapse.InvokeAsync(accepted.Request, context, http.RequestAborted);
        }
#pragma warning disable CA1031 // a miner's handler bug answers 500 to that caller and leaves the axon serving
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
#pragma warning restore CA1031
        {
            _logger.HandlerFailed(e, synapse.Name, context.Caller.ToString());
            await RefuseAsync(http, synapse.Name, context.Caller, AxonRefusal.HandlerFailed($"the miner's {synapse.Name} handler failed: {e.GetType().Name}"), started);
            return;
        }
        finally
        {
            _metrics.HandlerEnded(synapse.Name);
            _admission.Release();
        }

        http.Response.ContentType = "application/json";
        http.Response.ContentLength = response.Length;
        await http.Response.Body.WriteAsync(response, http.RequestAborted);
        _metrics.Count(synapse.Name, AxonMetrics.Ok, _time.GetElapsedTime(started));
    }

    private async Task RefuseAsync(HttpContext http, string synapse, AccountId? caller, AxonRefusal refusal, long started)
    {
        if (_logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            _logger.Refused(synapse, caller is { } c ? Ss58.Encode(c) : "-", refusal.Status, refusal.Code, refusal.Message);
        }

        _metrics.Count(synapse, refusal.Code, _time.GetElapsedTime(started));
        http.Response.StatusCode = refusal.Status;
        http.Response.ContentType = "application/json";
        var body = JsonSerializer.SerializeToUtf8Bytes(new SynapseError(refusal.Code, refusal.Message), SynapseJson.Options);
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>The body, or null when it is over <paramref name="bytesMax"/> (reading stops there).</summary>
    private static async Task<byte[]?> ReadBodyAsync(PipeReader reader, int bytesMax, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (buffer.Length > bytesMax)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return null;
            }

            if (read.IsCompleted)
            {
                var body = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return body;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private sealed record AcceptedRequest(object Request, SynapseContext Context);
}
