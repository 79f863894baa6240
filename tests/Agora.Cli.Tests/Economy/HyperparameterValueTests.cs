using Agora.Cli.Commands.Subnets;
using Agora.Cli.Infrastructure;
using Agora.Protocol.Subnets;

namespace Agora.Cli.Tests.Economy;

public sealed class HyperparameterValueTests
{
    [Theory]
    [InlineData("commit_reveal_enabled", "false", 0UL)]
    [InlineData("yuma3_enabled", "true", 1UL)]
    [InlineData("liquid_alpha_consensus_mode", "previous", 1UL)]
    [InlineData("alpha_sigmoid_steepness", "-5", ulong.MaxValue - 4)]
    [InlineData("tempo", "99", 99UL)]
    public void Values_are_read_as_users_write_them(string name, string text, ulong expected)
    {
        var (definition, value) = HyperparameterValue.Parse(name, text, "--value");

        Assert.Equal(name, definition.Name);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("tempo", "5", "10–7200")]
    [InlineData("tempo", "-1", "10–7200")]
    [InlineData("commit_reveal_enabled", "1", "true or false")]
    [InlineData("liquid_alpha_consensus_mode", "sometimes", "current, previous or auto")]
    [InlineData("alpha_sigmoid_steepness", "40000", "-32768–32767")]
    [InlineData("tempi", "1", "no hyperparameter is named \"tempi\"")]
    public void Bad_values_name_the_bounds(string name, string text, string expected)
    {
        var error = Assert.Throws<CliException>(() => HyperparameterValue.Parse(name, text, "--value"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_hyperparameter_has_a_name_the_parser_finds() =>
        Assert.All(Hyperparameters.Definitions, d => Assert.Same(d, Hyperparameters.Find(d.Name)));
}
