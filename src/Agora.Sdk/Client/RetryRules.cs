namespace Agora.Sdk.Client;

/// <summary>Which node methods are retried (<see cref="RetryRule"/>).</summary>
internal static class RetryRules
{
    /// <summary>The submission method; see <see cref="ChainClient.SubmitTransactionAsync"/>.</summary>
    public const string SubmitMethod = "author_submitTransaction";

    // Reads whose names do not say "get".
    private static readonly HashSet<string> OtherReads = new(StringComparer.Ordinal)
    {
        "system_health", "system_chain", "system_properties", "system_version", "rpc_methods",
        "payment_queryFee", "author_pendingTransactionCount",
    };

    /// <summary>
    /// <see cref="RetryRule.Read"/> for <c>module_get…</c> and the reads in <see cref="OtherReads"/>;
    /// <see cref="RetryRule.Submit"/> for <see cref="SubmitMethod"/>; <see cref="RetryRule.Never"/> for everything else
    /// (subscriptions, and any method this client does not know: it cannot tell whether it writes).
    /// </summary>
    public static RetryRule Of(string method)
    {
        if (string.Equals(method, SubmitMethod, StringComparison.Ordinal))
        {
            return RetryRule.Submit;
        }

        var separator = method.IndexOf('_', StringComparison.Ordinal);
        var isGet = separator > 0 && method.AsSpan(separator + 1).StartsWith("get", StringComparison.Ordinal);
        return isGet || OtherReads.Contains(method) ? RetryRule.Read : RetryRule.Never;
    }
}
