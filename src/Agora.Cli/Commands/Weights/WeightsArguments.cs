using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Agora.Cli.Infrastructure;

namespace Agora.Cli.Commands.Weights;

/// <summary>
/// <c>--uids 1,2 --weights 0.7,0.3 [--version-key K]</c>: weights as non-negative decimals, scaled so the largest is
/// 65535 (the chain stores rows that way; only the ratios matter).
/// </summary>
internal sealed class WeightsArguments
{
    public Option<string> Uids { get; } = new("--uids") { Description = "Comma-separated uids to weight (e.g. 1,2)", Required = true };

    public Option<string> Weights { get; } = new("--weights") { Description = "Comma-separated weights, one per uid (e.g. 0.7,0.3); only their ratios matter", Required = true };

    public Option<ulong?> VersionKey { get; } = new("--version-key") { Description = "Version key (default: the subnet's weights_version)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Uids);
        command.Options.Add(Weights);
        command.Options.Add(VersionKey);
    }

    /// <summary>The uids and their u16 weights, checked for equal lengths, duplicates and a non-zero total.</summary>
    public (ImmutableArray<ushort> Uids, ImmutableArray<ushort> Weights) Resolve(CliContext context)
    {
        var uids = Split(context.ParseResult.GetValue(Uids)!).Select(text => ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
            ? uid
            : throw new CliException($"--uids: '{text}' is not a uid (0–65535)")).ToImmutableArray();
        var values = Split(context.ParseResult.GetValue(Weights)!).Select(text => decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliException($"--weights: '{text}' is not a non-negative number")).ToArray();
        if (uids.Length != values.Length)
        {
            throw new CliException($"--uids names {uids.Length} uids but --weights gives {values.Length} weights; give one weight per uid");
        }

        if (uids.Distinct().Count() != uids.Length)
        {
            throw new CliException("--uids: a uid appears twice");
        }

        var max = values.Max();
        if (max <= 0)
        {
            throw new CliException("--weights: every weight is zero; give at least one positive weight");
        }

        return (uids, values.Select(value => (ushort)decimal.Floor(value / max * ushort.MaxValue)).ToImmutableArray());
    }

    /// <summary>The version key given, else the subnet's current <c>weights_version</c>.</summary>
    public async Task<ulong> ResolveVersionKeyAsync(CliContext context, NodeConnection node, ushort netuid, CancellationToken cancellationToken)
    {
        if (context.ParseResult.GetValue(VersionKey) is { } given)
        {
            return given;
        }

        var hyperparameters = await node.Chain.GetHyperparametersAsync(netuid, cancellationToken);
        return hyperparameters.TryGetValue("weights_version", out var version) ? version.GetUInt64() : 0;
    }

    /// <summary>A readable "uid: weight" list for summaries.</summary>
    public static string Describe(ImmutableArray<ushort> uids, ImmutableArray<ushort> weights) =>
        string.Join(", ", uids.Zip(weights, (uid, weight) => $"{uid}: {weight}"));

    private static string[] Split(string text) => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
