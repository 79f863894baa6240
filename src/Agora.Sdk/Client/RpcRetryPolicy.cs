using System.Text.Json;
using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>
/// Sends a call again after a transient failure (<see cref="TransientFailure"/>) when its method allows it
/// (<see cref="RetryRules"/>), waiting <see cref="RetryBackoff"/> between attempts; shared by both clients.
/// </summary>
internal sealed class RpcRetryPolicy
{
    private readonly RpcClientOptions _options;
    private readonly Func<double> _jitter;
    private readonly Func<bool> _canRetry;

    /// <param name="options">Retry count and backoff.</param>
    /// <param name="canRetry">False once the transport is closed for good (a disposed WebSocket client): then nothing is retried.</param>
    /// <param name="jitter">A source of [0, 1) values; retries only spread with it, nothing depends on its values.</param>
    public RpcRetryPolicy(RpcClientOptions options, Func<bool>? canRetry = null, Func<double>? jitter = null)
    {
        _options = options;
        _canRetry = canRetry ?? (() => true);
        _jitter = jitter ?? Random.Shared.NextDouble;
    }

    /// <summary>Runs <paramref name="attempt"/> once, and again after each transient failure while retries remain.</summary>
    public Task<T> RunAsync<T>(string method, object?[]? parameters, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var rule = RetryRules.Of(method);
        return RunAsync(method, rule, rule == RetryRule.Submit ? SubmittedHash(parameters) : null, attempt, cancellationToken);
    }

    /// <summary>Sends a batch (<paramref name="what"/>) again only when every one of <paramref name="methods"/> is a read.</summary>
    public Task<T> RunBatchAsync<T>(string what, IEnumerable<string> methods, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var allReads = methods.All(m => RetryRules.Of(m) == RetryRule.Read);
        return RunAsync(what, allReads ? RetryRule.Read : RetryRule.Never, null, attempt, cancellationToken);
    }

    private async Task<T> RunAsync<T>(string method, RetryRule rule, Hash256? submitted, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        if (_options.RetryCountMax <= 0 || rule == RetryRule.Never || (rule == RetryRule.Submit && submitted is null))
        {
            return await attempt(cancellationToken).ConfigureAwait(false);
        }

        Exception? firstFailure = null;
        for (var attempts = 1; ; attempts++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException e) when (firstFailure is not null && submitted is { } hash && RejectionReason(e) == "Duplicate")
            {
                // The node pools it already: an earlier attempt arrived after all. Its answer would have been the hash.
                return RpcWire.Convert<T>(JsonSerializer.SerializeToElement(hash.ToString()), method);
            }
            catch (RpcException e) when (firstFailure is not null && submitted is { } hash && RejectionReason(e) == "StaleNonce")
            {
                throw new TransactionMayBeIncludedException(hash, firstFailure, e);
            }
            catch (Exception e) when (TransientFailure.Is(e) && _canRetry())
            {
                if (attempts > _options.RetryCountMax)
                {
                    throw new RpcRetriesExhaustedException(method, attempts, e);
                }

                firstFailure ??= e;
                var delay = RetryBackoff.Delay(attempts, _options.RetryBackoffBase, _options.RetryBackoffMax, _jitter());
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // The hash the node gives the submitted transaction: Blake2b-256 of its bytes, as SignedTransaction.Hash.
    private static Hash256? SubmittedHash(object?[]? parameters)
    {
        if (parameters is not [string hex])
        {
            return null;
        }

        try
        {
            return Hash256.Of(HexFormat.Decode(hex, "transaction"));
        }
        catch (FormatException)
        {
            return null; // the node will refuse it; nothing to deduplicate
        }
    }

    private static string? RejectionReason(RpcException e) =>
        e.ErrorData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String
            ? reason.GetString()
            : null;
}
