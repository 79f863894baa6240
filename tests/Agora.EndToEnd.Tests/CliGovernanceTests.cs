using System.Text.Json;
using Agora.EndToEnd.Tests.Harness;

namespace Agora.EndToEnd.Tests;

/// <summary>
/// The economy through the CLI on a dev node of its own: the senate launches two subnets, a staker moves stake
/// between them, and emission shares follow the stake EMA.
/// </summary>
public sealed class CliGovernanceTests(DevNodeFixture fixture) : IClassFixture<DevNodeFixture>
{
    private static readonly TimeSpan ShareChangeWaitMax = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Senate_launches_subnets_and_moved_stake_shifts_emission_share_between_them()
    {
        // Given the dev senate (Alice, Bob, Charlie)
        // When Alice proposes "vision" and Alice aye, Bob nay, Charlie aye vote on it
        var vision = await ProposeAsync("vision");
        Assert.Equal(100_000_000_000UL, vision.GetProperty("lock").GetUInt64());
        var id = vision.GetProperty("proposal_id").GetUInt64();
        Assert.Equal("pending", (await VoteAsync("//Alice", id, approve: true)).GetProperty("status").GetString());
        Assert.Equal("pending", (await VoteAsync("//Bob", id, approve: false)).GetProperty("status").GetString());
        var approved = await VoteAsync("//Charlie", id, approve: true);

        // Then it launches as netuid 1 and `subnets list` shows it
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal(1, approved.GetProperty("netuid").GetInt32());
        var listed = (await JsonAsync("subnets", "list")).EnumerateArray().ToArray();
        Assert.Equal(["root", "vision"], listed.Select(s => s.GetProperty("name").GetString()));
        var proposals = await JsonAsync("subnets", "proposals");
        Assert.Equal("approved", proposals[0].GetProperty("status").GetString());
        Assert.Equal(2, proposals[0].GetProperty("ayes").GetArrayLength());

        // And a second launch locks about twice as much (the lock doubles, then decays)
        var text = await ProposeAsync("text");
        Assert.InRange(text.GetProperty("lock").GetUInt64(), 190_000_000_000UL, 200_000_000_000UL);
        await VoteAsync("//Alice", text.GetProperty("proposal_id").GetUInt64(), approve: true);
        Assert.Equal(2, (await VoteAsync("//Charlie", text.GetProperty("proposal_id").GetUInt64(), approve: true)).GetProperty("netuid").GetInt32());

        // When Dave owns himself as hotkey and stakes 1000 TAO on netuid 1 and 200 on netuid 2
        var dave = DevAccounts.Address("//Dave");
        await SignAsync("wallet", "associate-hotkey", "--uri", "//Dave", "--hotkey-uri", "//Dave");
        await SignAsync("stake", "add", "--uri", "//Dave", "--hotkey-ss58", dave, "--netuid", "1", "--amount", "1000");
        await SignAsync("stake", "add", "--uri", "//Dave", "--hotkey-ss58", dave, "--netuid", "2", "--amount", "200");
        var stake = (await JsonAsync("stake", "list", "--coldkey", dave)).EnumerateArray().Select(s => (s.GetProperty("netuid").GetInt32(), s.GetProperty("stake").GetUInt64())).ToArray();
        Assert.Equal([(1, 1_000_000_000_000UL), (2, 200_000_000_000UL)], stake);
        await WaitForBlocksAsync(20);
        var before = await SharesAsync();
        Assert.True(before.Netuid1 > before.Netuid2, $"with 1000 TAO against 200, netuid 1 should out-earn netuid 2: {before}");

        // And moves 900 TAO of it from netuid 1 to netuid 2
        var moved = await SignAsync("stake", "move", "--uri", "//Dave", "--hotkey-ss58", dave, "--netuid", "1", "--to-netuid", "2", "--amount", "900");
        Assert.Equal(900_000_000_000UL, moved.GetProperty("amount").GetUInt64());

        // Then over the following blocks netuid 2's share rises and netuid 1's falls, as the stake EMA follows
        var deadline = DateTime.UtcNow + ShareChangeWaitMax;
        var after = await SharesAsync();
        while ((after.Netuid2 <= before.Netuid2 + 0.05m || after.Netuid1 >= before.Netuid1 - 0.05m) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            after = await SharesAsync();
        }

        Assert.True(after.Netuid2 > before.Netuid2 + 0.05m && after.Netuid1 < before.Netuid1 - 0.05m, $"shares before the move {before}, after {after}");
        Assert.Equal(1m, Math.Round(after.Netuid1 + after.Netuid2, 6));
    }

    [Fact]
    public async Task Removing_more_stake_than_a_position_holds_exits_non_zero_with_the_module_error()
    {
        // Given Eve owns herself as hotkey but has no stake
        var eve = DevAccounts.Address("//Eve");
        await SignAsync("wallet", "associate-hotkey", "--uri", "//Eve", "--hotkey-uri", "//Eve");

        // When she removes stake from root (the only subnet she is sure exists)
        var result = await CliRunner.RunAsync(fixture.CliHome,
            "stake", "remove", "--uri", "//Eve", "--hotkey-ss58", eve, "--netuid", "0", "--amount", "5", "-y", "--json", "--rpc", fixture.Node.RpcUrl.ToString());

        // Then the node refuses it and the CLI says which module error, with no result on stdout
        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("staking.insufficient_stake", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Senate_and_delegates_list_the_genesis_senators()
    {
        var senate = await JsonAsync("senate", "list");
        var delegates = await JsonAsync("delegates", "list");

        Assert.Equal(3, senate.EnumerateArray().Count(m => m.GetProperty("stake").GetUInt64() == 100_000_000_000_000UL));
        Assert.Contains(DevAccounts.Address("//Bob"), delegates.EnumerateArray().Select(d => d.GetProperty("hotkey").GetString()));
    }

    private async Task<JsonElement> ProposeAsync(string name) =>
        await SignAsync("subnets", "propose", "--uri", "//Alice", "--name", name, "--description", $"{name} models");

    private async Task<JsonElement> VoteAsync(string uri, ulong proposal, bool approve) =>
        await SignAsync("subnets", "vote", "--uri", uri, "--proposal", $"{proposal}", approve ? "--approve" : "--reject");

    private async Task<JsonElement> SignAsync(params string[] arguments) => await JsonAsync([.. arguments, "-y"]);

    private async Task<JsonElement> JsonAsync(params string[] arguments)
    {
        var result = await CliRunner.RunAsync(fixture.CliHome, [.. arguments, "--json", "--rpc", fixture.Node.RpcUrl.ToString()]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Json();
    }

    private async Task<(decimal Netuid1, decimal Netuid2)> SharesAsync()
    {
        var subnets = (await JsonAsync("subnets", "list")).EnumerateArray().ToDictionary(s => s.GetProperty("netuid").GetInt32(), s => s.GetProperty("emission_share").GetDecimal());
        return (subnets[1], subnets[2]);
    }

    private async Task WaitForBlocksAsync(ulong blocks)
    {
        var start = (await fixture.Client.Chain.GetHealthAsync()).BestBlock;
        while ((await fixture.Client.Chain.GetHealthAsync()).BestBlock < start + blocks)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
