using System.Globalization;

namespace Agora.Bench.Throughput;

/// <summary>Settings of the throughput run, from <c>throughput [--name value]...</c>.</summary>
internal sealed record ThroughputOptions
{
    public const string Usage =
        "usage: throughput [--seconds 60] [--block-time-ms 1000] [--accounts 256] [--rate-ratio 0.6] [--batch-count 500]"
        + " [--connections 2] [--pending-count-max 50000] [--verify-seconds 3] [--subnets 0[,32...]]\n"
        + "  --rate-ratio R: offer R x the measured single-core verify rate (open loop); 0 = as fast as the node accepts\n"
        + "  --subnets N,M: one run per count, each on a new node whose genesis has that many staked subnets, then the ratios";

    /// <summary>The most staked subnets a run's chain may have (the main chain's subnet limit).</summary>
    public const int SubnetCountMax = 128;

    /// <summary>Length of the timed phase.</summary>
    public int Seconds { get; init; } = 60;

    /// <summary>Block time of the dev chain the node creates.</summary>
    public int BlockTimeMs { get; init; } = 1000;

    /// <summary>Load accounts sending transfers (each signs its own nonce sequence).</summary>
    public int Accounts { get; init; } = 256;

    /// <summary>Offered load as a multiple of the single-core verify rate; 0 = closed loop, as fast as accepted.</summary>
    public double RateRatio { get; init; } = 0.6;

    /// <summary>author_submitTransaction calls per JSON-RPC batch (one HTTP request).</summary>
    public int BatchCount { get; init; } = 500;

    /// <summary>HTTP requests in flight at once.</summary>
    public int Connections { get; init; } = 2;

    /// <summary>The generator pauses while the node's pool holds at least this many transactions.</summary>
    public int PendingCountMax { get; init; } = 50_000;

    /// <summary>Length of each verify-rate measurement.</summary>
    public double VerifySeconds { get; init; } = 3;

    /// <summary>Staked subnets at genesis, one run per comma-separated count, in order (see <see cref="SubnetCounts"/>).</summary>
    public string Subnets { get; init; } = "0";

    /// <summary>The counts in <see cref="Subnets"/>.</summary>
    public int[] SubnetCounts() => [.. Subnets.Split(',').Select(c => int.Parse(c, NumberStyles.None, CultureInfo.InvariantCulture))];

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public static ThroughputOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ThroughputOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value\n{Usage}", nameof(args));
            }

            var value = args[i + 1];
            options = name switch
            {
                "--seconds" => options with { Seconds = Int(name, value, 1, 3600) },
                "--block-time-ms" => options with { BlockTimeMs = Int(name, value, 50, 60_000) },
                "--accounts" => options with { Accounts = Int(name, value, 1, 1000) },
                "--rate-ratio" => options with { RateRatio = Ratio(name, value) },
                "--batch-count" => options with { BatchCount = Int(name, value, 1, 1000) },
                "--connections" => options with { Connections = Int(name, value, 1, 64) },
                "--pending-count-max" => options with { PendingCountMax = Int(name, value, 1, 100_000) },
                "--verify-seconds" => options with { VerifySeconds = Ratio(name, value) },
                "--subnets" => options with { Subnets = string.Join(',', value.Split(',').Select(c => Int(name, c, 0, SubnetCountMax))) },
                _ => throw new ArgumentException($"unknown option {name}\n{Usage}", nameof(args)),
            };
        }

        return options;
    }

    private static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : throw new ArgumentException($"{name} must be an integer from {min} to {max}, got '{value}'\n{Usage}", nameof(value));

    private static double Ratio(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0 && parsed <= 100
            ? parsed
            : throw new ArgumentException($"{name} must be a number from 0 to 100, got '{value}'\n{Usage}", nameof(value));
}
