using System.Globalization;

namespace Agora.Node.Rpc;

/// <summary>
/// How many more file descriptors this process may open: the soft <c>RLIMIT_NOFILE</c> minus those open now.
/// Read from <c>/proc/self</c> (Linux); elsewhere unknown, and the configured limits apply unchanged.
/// </summary>
internal static class DescriptorBudget
{
    private const string LimitsPath = "/proc/self/limits";
    private const string OpenDescriptorsPath = "/proc/self/fd";

    /// <summary>Descriptors still free, or null when the limit cannot be read (not Linux) or is unlimited.</summary>
    public static long? FreeCount()
    {
        try
        {
            if (!File.Exists(LimitsPath) || ParseOpenFilesSoftLimit(File.ReadAllLines(LimitsPath)) is not { } limit)
            {
                return null;
            }

            var open = Directory.EnumerateFileSystemEntries(OpenDescriptorsPath).LongCount();
            return Math.Max(0, limit - open);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// <see cref="RpcServerOptions.ConnectionsMax"/> lowered so that connections leave
    /// <see cref="RpcServerOptions.DescriptorsReservedCount"/> of <paramref name="freeDescriptors"/> untouched (at least 1).
    /// </summary>
    public static int ConnectionsMax(RpcServerOptions options, long? freeDescriptors) =>
        freeDescriptors is { } free
            ? (int)Math.Clamp(free - options.DescriptorsReservedCount, 1, options.ConnectionsMax)
            : options.ConnectionsMax;

    /// <summary>The soft limit from the "Max open files" line of <c>/proc/self/limits</c>; null when unlimited or absent.</summary>
    internal static long? ParseOpenFilesSoftLimit(IEnumerable<string> lines)
    {
        const string Prefix = "Max open files";
        foreach (var line in lines)
        {
            if (!line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var soft = line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return long.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        }

        return null;
    }
}
