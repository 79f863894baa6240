using Agora.Node.Core;

namespace Agora.Node.Tests.Core;

public sealed class ChainSpecJsonTests
{
    [Fact]
    public void Chain_spec_round_trips_through_json()
    {
        var spec = DevChainSpec.Create(blockTimeMs: 250);

        var read = ChainSpecJson.Read(ChainSpecJson.Write(spec));

        Assert.Equal(spec with { Balances = [], Stakes = [], Subnets = [] }, read with { Balances = [], Stakes = [], Subnets = [] });
        Assert.Equal(spec.Balances, read.Balances);
        Assert.Equal(spec.Stakes, read.Stakes);
    }

    [Fact]
    public void Chain_spec_with_a_bad_account_names_the_field()
    {
        var json = ChainSpecJson.Write(DevChainSpec.Create()).Replace("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpX", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => ChainSpecJson.Read(json));

        Assert.Contains("genesis.balances[0].account", error.Message, StringComparison.Ordinal);
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chain_spec_without_genesis_is_rejected_naming_it()
    {
        var error = Assert.Throws<FormatException>(() => ChainSpecJson.Read("""{"name":"x","id":"x","block_time_ms":1000}"""));

        Assert.Contains("'genesis' is missing", error.Message, StringComparison.Ordinal);
    }
}
