using System.Text.Json.Nodes;
using Agora.Core.Primitives;

namespace Agora.Cli.Tests.Neurons;

/// <summary>The read-only neuron commands against a stand-in node: metagraph show, weights show, subnets burn-cost.</summary>
public sealed class NeuronCommandTests : IDisposable
{
    private static readonly string Hot0 = Account(0x10);
    private static readonly string Hot1 = Account(0x11);
    private static readonly string Hot2 = Account(0x12);
    private static readonly string Cold = Account(0x20);

    // Block 120; stakes 5, 900 and 40 TAO; uid 1 is the validator; uid 2 serves on IPv6.
    private static readonly string MetagraphJson = $$$"""
        {"netuid":1,"block":120,"neurons":[
        {"uid":0,"hotkey":"{{{Hot0}}}","coldkey":"{{{Cold}}}","stake":5000000000,"rank":0.25,"trust":0.5,"consensus":0.5,"incentive":0.75,"dividends":0.0,"emission":1500000000,"validator_trust":0.0,"validator_permit":false,"active":true,"last_update":100,"block_at_registration":0,"axon":{"ip":"10.0.0.7","port":8091,"protocol":0,"version":3}},
        {"uid":1,"hotkey":"{{{Hot1}}}","coldkey":"{{{Cold}}}","stake":900000000000,"rank":0.0,"trust":0.0,"consensus":0.0,"incentive":0.0,"dividends":1.0,"emission":2000000000,"validator_trust":0.00000000023283064365386962890625,"validator_permit":true,"active":true,"last_update":118,"block_at_registration":3,"axon":null},
        {"uid":2,"hotkey":"{{{Hot2}}}","coldkey":null,"stake":40000000000,"rank":0.75,"trust":0.5,"consensus":0.5,"incentive":0.25,"dividends":0.0,"emission":500000000,"validator_trust":0.0,"validator_permit":false,"active":false,"last_update":7,"block_at_registration":5,"axon":{"ip":"2001:db8::1","port":443,"protocol":0,"version":1}}]}
        """;

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Metagraph_json_is_exactly_the_rpc_result_with_the_exact_decimals()
    {
        await using var node = new FakeNode((_, _) => MetagraphJson);

        var result = await Run(node, "metagraph", "show", "1", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(MetagraphJson), result.Json), result.ToString());
        Assert.Contains("0.00000000023283064365386962890625", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(("agora_getMetagraph", "[1]"), Assert.Single(node.Calls));
    }

    [Fact]
    public async Task Metagraph_table_shows_a_row_per_uid_with_stake_permit_updated_axon_and_short_keys()
    {
        await using var node = new FakeNode((_, _) => MetagraphJson);

        var result = await Run(node, "metagraph", "show", "1");

        Assert.Equal(0, result.ExitCode);
        var text = result.Stdout;
        Assert.Contains("Subnet 1 at block #120: 3 neurons", text, StringComparison.Ordinal);
        Assert.Contains("10.0.0.7:8091", text, StringComparison.Ordinal);
        Assert.Contains("[2001:db8::1]:443", text, StringComparison.Ordinal);
        Assert.Contains($"{Hot1[..6]}…{Hot1[^4..]}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Hot1, text, StringComparison.Ordinal);
        var row1 = Row(text, Hot1);
        Assert.Contains("900", row1, StringComparison.Ordinal);
        Assert.Contains("*", row1, StringComparison.Ordinal);
        Assert.Contains(" 2 ", row1, StringComparison.Ordinal); // updated 120 − 118 blocks ago
        Assert.Contains(" - ", row1, StringComparison.Ordinal); // no axon
        Assert.Contains("0.25000", Row(text, Hot0), StringComparison.Ordinal);
        Assert.Contains("no", Row(text, Hot2), StringComparison.Ordinal);
        Assert.True(text.IndexOf(Short(Hot0), StringComparison.Ordinal) < text.IndexOf(Short(Hot1), StringComparison.Ordinal), "rows are by uid by default");
    }

    [Theory]
    [InlineData("stake", new[] { 1, 2, 0 })]
    [InlineData("rank", new[] { 2, 0, 1 })]
    [InlineData("emission", new[] { 1, 0, 2 })]
    [InlineData("updated", new[] { 2, 0, 1 })]
    [InlineData("permit", new[] { 1, 0, 2 })]
    [InlineData("uid", new[] { 0, 1, 2 })]
    public async Task Metagraph_sort_orders_rows_largest_first_for_numbers(string field, int[] uids)
    {
        await using var node = new FakeNode((_, _) => MetagraphJson);

        var result = await Run(node, "metagraph", "show", "1", "--sort", field);

        Assert.Equal(0, result.ExitCode);
        string[] hotkeys = [Hot0, Hot1, Hot2];
        var positions = uids.Select(uid => result.Stdout.IndexOf(Short(hotkeys[uid]), StringComparison.Ordinal)).ToArray();
        Assert.True(positions.SequenceEqual(positions.Order()), $"--sort {field} should give uids {string.Join(",", uids)}:\n{result.Stdout}");
    }

    [Fact]
    public async Task Metagraph_sort_by_an_unknown_field_is_an_error_listing_the_fields()
    {
        await using var node = new FakeNode((_, _) => MetagraphJson);

        var result = await Run(node, "metagraph", "show", "1", "--sort", "age");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--sort age: no such column; sort by one of uid, stake, rank, trust, consensus, incentive, dividends, emission, vtrust, permit, updated, active, axon, hotkey, coldkey", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(node.Calls);
    }

    [Fact]
    public async Task Metagraph_block_is_passed_to_the_node_and_its_refusal_is_shown()
    {
        await using var node = new FakeNode((_, _) => """{"code":-32602,"message":"block 7's state is not available: this node serves the best block (120) only; omit block or pass 120"}""");

        var result = await Run(node, "metagraph", "show", "1", "--block", "7");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("block 7's state is not available", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(("agora_getMetagraph", "[1,7]"), Assert.Single(node.Calls));
    }

    [Fact]
    public async Task Burn_cost_shows_tao_and_json_gives_rao()
    {
        await using var node = new FakeNode((method, _) => method == "agora_getBurn" ? """{"netuid":3,"burn":500000000}""" : "null");

        var human = await Run(node, "subnets", "burn-cost", "3");
        var json = await Run(node, "subnets", "burn-cost", "3", "--json");

        Assert.Equal(0, human.ExitCode);
        Assert.Contains("0.5 TAO to register on subnet 3", human.Stdout, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"netuid":3,"burn":500000000}"""), json.Json), json.ToString());
        Assert.All(node.Calls, c => Assert.Equal(("agora_getBurn", "[3]"), c));
    }

    [Fact]
    public async Task Weights_show_lists_each_row_as_uid_shares_and_json_is_the_rpc_result()
    {
        const string weights = """{"netuid":1,"block":9,"rows":[{"uid":1,"entries":[[0,40000],[2,25535]]}]}""";
        await using var node = new FakeNode((_, _) => weights);

        var human = await Run(node, "weights", "show", "1");
        var json = await Run(node, "weights", "show", "1", "--json");

        Assert.Equal(0, human.ExitCode);
        Assert.Contains("0:0.6104 2:0.3896", human.Stdout, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(weights), json.Json), json.ToString());
    }

    [Fact]
    public async Task Weights_show_on_a_subnet_without_weights_says_so()
    {
        await using var node = new FakeNode((_, _) => """{"netuid":1,"block":9,"rows":[]}""");

        var result = await Run(node, "weights", "show", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("No weights on subnet 1 at block #9.", result.Stdout, StringComparison.Ordinal);
    }

    private Task<CliResult> Run(FakeNode node, params string[] args) => Task.Run(() => _cli.Run([.. args, "--rpc", node.Url]));

    private static string Account(byte fill) => new AccountId(Enumerable.Repeat(fill, AccountId.Size).ToArray()).ToString();

    private static string Short(string address) => $"{address[..6]}…{address[^4..]}";

    private static string Row(string table, string hotkey) =>
        table.Split('\n').Single(line => line.Contains(Short(hotkey), StringComparison.Ordinal));
}
