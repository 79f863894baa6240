using System.Text.Json;
using Agora.Sdk.Subnets;

namespace Agora.Sdk.Tests.Subnets;

public sealed class SubnetWeightRulesTests
{
    private const string Dev = """
        {"tempo": 20, "weights_rate_limit": 1, "max_weight_limit": 65535, "min_allowed_weights": 1, "weights_version": 0,
         "commit_reveal_enabled": true, "commit_reveal_period": 1, "kappa": 32767}
        """;

    [Fact]
    public void The_weights_rules_are_read_from_agora_getHyperparameters()
    {
        var rules = SubnetWeightRules.From(Parse(Dev));

        Assert.Equal(new SubnetWeightRules(20, 1, 65_535, 1, 0, true, 1), rules);
    }

    [Fact]
    public void A_missing_hyperparameter_is_named()
    {
        var values = Parse(Dev).Where(p => p.Key != "weights_rate_limit").ToDictionary();

        var error = Assert.Throws<InvalidOperationException>(() => SubnetWeightRules.From(values));

        Assert.Contains("'weights_rate_limit'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hyperparameter_of_the_wrong_kind_is_named()
    {
        var values = Parse(Dev.Replace("\"tempo\": 20", "\"tempo\": \"twenty\"", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidOperationException>(() => SubnetWeightRules.From(values));

        Assert.Contains("'tempo'", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, JsonElement> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
}
