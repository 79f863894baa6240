using Agora.EndToEnd.Tests.Harness;

namespace Agora.EndToEnd.Tests;

/// <summary>The wallet commands as a user runs them: a CLI process against a running node process.</summary>
[Collection(DevNodeGroup.Name)]
public sealed class CliTransferTests(DevNodeFixture fixture)
{
    private const ulong OneAndAHalfTaoInRao = 1_500_000_000;

    [Fact]
    public async Task Transfer_through_the_cli_is_included_and_moves_the_amount_and_the_fee()
    {
        // Given Alice and Bob on a fresh dev chain
        var alice = DevAccounts.Account("//Alice");
        var bob = DevAccounts.Account("//Bob");
        var aliceBefore = await fixture.Client.Chain.GetAccountAsync(alice);
        var bobBefore = await fixture.Client.Chain.GetAccountAsync(bob);

        // When Alice sends Bob 1.5 TAO with the CLI
        var result = await CliRunner.RunAsync(fixture.CliHome,
            "wallet", "transfer", "--uri", "//Alice", "--dest", bob.ToString(), "--amount", "1.5", "-y",
            "--rpc", fixture.Node.RpcUrl.ToString(), "--json");

        // Then it exits 0 and prints the hash, the fee and the block that includes the transfer
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        var hash = json.GetProperty("hash").GetString();
        var fee = json.GetProperty("fee").GetUInt64();
        var blockNumber = json.GetProperty("block").GetUInt64();
        Assert.Equal(OneAndAHalfTaoInRao, json.GetProperty("amount").GetUInt64());
        Assert.True(fee > 0, result.ToString());
        var block = await fixture.Client.Rpc.CallAsync("chain_getBlock", [json.GetProperty("block_hash").GetString()]);
        Assert.Equal(blockNumber, block.GetProperty("header").GetProperty("number").GetUInt64());
        Assert.Contains(hash, block.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("hash").GetString()));

        // And the node's state shows Bob up 1.5 TAO, Alice down 1.5 TAO plus the fee, Alice's nonce used once
        var aliceAfter = await fixture.Client.Chain.GetAccountAsync(alice);
        var bobAfter = await fixture.Client.Chain.GetAccountAsync(bob);
        Assert.Equal(bobBefore.Free.Value + OneAndAHalfTaoInRao, bobAfter.Free.Value);
        Assert.Equal(aliceBefore.Free.Value - OneAndAHalfTaoInRao - fee, aliceAfter.Free.Value);
        Assert.Equal(0UL, aliceBefore.Nonce);
        Assert.Equal(1UL, aliceAfter.Nonce);
    }

    [Fact]
    public async Task Balance_through_the_cli_reports_what_the_node_holds_for_the_account()
    {
        // Given Charlie's account as the node reports it
        var charlie = DevAccounts.Account("//Charlie");
        var expected = await fixture.Client.Chain.GetAccountAsync(charlie);

        // When the CLI asks for Charlie's balance
        var result = await CliRunner.RunAsync(fixture.CliHome,
            "wallet", "balance", "--address", charlie.ToString(), "--rpc", fixture.Node.RpcUrl.ToString(), "--json");

        // Then it prints the same free, staked, reserved and nonce, and their total
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.Equal(charlie.ToString(), json.GetProperty("ss58_address").GetString());
        Assert.Equal(expected.Free.Value, json.GetProperty("free").GetUInt64());
        Assert.Equal(expected.Staked.Value, json.GetProperty("staked").GetUInt64());
        Assert.Equal(expected.Reserved.Value, json.GetProperty("reserved").GetUInt64());
        Assert.Equal(expected.Free.Value + expected.Staked.Value + expected.Reserved.Value, json.GetProperty("total").GetUInt64());
        Assert.Equal(expected.Nonce, json.GetProperty("nonce").GetUInt64());
    }
}
