using Agora.Subnets.Compute.App;

namespace Agora.Node.Tests.Subnets;

public sealed class ComputeSubnetTests
{
    [Fact]
    public async Task The_validator_scores_the_honest_miner_above_zero_and_wrong_stale_and_lazy_miners_at_or_near_zero()
    {
        var miners = new[] { "honest", "wrong", "stale", "lazy" }.Select(kind => new ComputeMiner(ComputeMiner.Create(kind))).ToArray();
        var validator = new ComputeValidator(new ComputeValidatorOptions { Rows = 24, Inner = 16, Cols = 20 });

        var scores = await ExampleSubnetRun.RunAsync(ComputeSynapse.MatrixProduct, validator, miners, rounds: 6);

        // uid 0 is the validator; its own axon is not queried.
        Assert.Equal(0, scores[0]);
        Assert.True(scores[1] > 0.3, $"honest scored {scores[1]}");
        Assert.Equal(0, scores[2]);
        Assert.True(scores[3] < scores[1] / 4, $"stale scored {scores[3]} (only its first answer is right)");
        Assert.Equal(0, scores[4]);
    }

    [Fact]
    public void An_unknown_miner_kind_is_refused_naming_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => ComputeMiner.Create("greedy"));

        Assert.Contains("honest, wrong, stale or lazy", error.Message, StringComparison.Ordinal);
    }
}
