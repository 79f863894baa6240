using System.Text.Json;

namespace Agora.Sdk.Subnets;

/// <summary>The hyperparameters that decide when and how a validator sets weights (docs/weights.md).</summary>
/// <param name="Tempo">Blocks between the subnet's epochs, less one.</param>
/// <param name="WeightsRateLimit">Blocks between a uid's weights (or between its commits).</param>
/// <param name="MaxWeightLimit">The largest weight, as a share of 65,535, after normalising to sum 65,535.</param>
/// <param name="MinAllowedWeights">The fewest non-zero weights (capped by the subnet's size).</param>
/// <param name="WeightsVersion">The lowest version key accepted.</param>
/// <param name="CommitRevealEnabled">Commit then reveal instead of <c>set_weights</c>.</param>
/// <param name="CommitRevealPeriod">Epochs between a commit and its reveal window.</param>
public sealed record SubnetWeightRules(
    ulong Tempo,
    ulong WeightsRateLimit,
    ushort MaxWeightLimit,
    int MinAllowedWeights,
    ulong WeightsVersion,
    bool CommitRevealEnabled,
    ulong CommitRevealPeriod)
{
    /// <summary>Reads the rules from an <c>agora_getHyperparameters</c> result; throws naming a missing or odd entry.</summary>
    public static SubnetWeightRules From(IReadOnlyDictionary<string, JsonElement> hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(hyperparameters);
        return new SubnetWeightRules(
            Number(hyperparameters, "tempo"),
            Number(hyperparameters, "weights_rate_limit"),
            checked((ushort)Number(hyperparameters, "max_weight_limit")),
            checked((int)Number(hyperparameters, "min_allowed_weights")),
            Number(hyperparameters, "weights_version"),
            Flag(hyperparameters, "commit_reveal_enabled"),
            Number(hyperparameters, "commit_reveal_period"));
    }

    private static JsonElement Entry(IReadOnlyDictionary<string, JsonElement> values, string name) =>
        values.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"the subnet's hyperparameters have no '{name}'; is the node older than this SDK?");

    private static ulong Number(IReadOnlyDictionary<string, JsonElement> values, string name)
    {
        var value = Entry(values, name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var number)
            ? number
            : throw new InvalidOperationException($"hyperparameter '{name}' is {value}, expected an unsigned integer");
    }

    private static bool Flag(IReadOnlyDictionary<string, JsonElement> values, string name)
    {
        var value = Entry(values, name);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.GetUInt64() != 0,
            _ => throw new InvalidOperationException($"hyperparameter '{name}' is {value}, expected a bool"),
        };
    }
}
