using System.Text.Json;
using Agora.Core.Primitives;
using Agora.Node.Host;
using Agora.Node.Rpc;
using Agora.Protocol.Staking;
using ClientRpcException = Agora.Sdk.Client.RpcException;

namespace Agora.Node.Tests.Rpc;

public sealed class EconomyRpcTests : IAsyncLifetime
{
    private ChainRpcNode _node = null!;

    public async Task InitializeAsync() => _node = await ChainRpcNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private Task<JsonElement> Call(string method, params object?[] parameters) => _node.Rpc.CallAsync(method, parameters);

    [Fact]
    public async Task Given_the_dev_genesis_then_only_root_is_listed_and_the_senate_is_alice_bob_and_charlie()
    {
        var subnets = await Call("agora_getSubnets");
        var senate = await Call("agora_getSenate");

        var root = Assert.Single(subnets.EnumerateArray());
        Assert.Equal(0, root.GetProperty("netuid").GetInt32());
        Assert.Equal(300_000UL * Rao.PerTao, root.GetProperty("total_stake").GetUInt64());
        Assert.Equal(0m, root.GetProperty("emission_share").GetDecimal());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("tempo").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("max_neurons").ValueKind);
        Assert.Equal(3, senate.GetArrayLength());
        Assert.All(senate.EnumerateArray(), m => Assert.Equal(100_000UL * Rao.PerTao, m.GetProperty("stake").GetUInt64()));
    }

    [Fact]
    public async Task Given_a_proposal_approved_by_two_senators_then_proposals_and_subnets_show_it_with_its_timing()
    {
        using var alice = ChainRpcNode.Dev("Alice");
        var lockCost = (await Call("agora_getLockCost")).GetProperty("lock_cost").GetUInt64();

        var id = _node.LaunchSubnet("vision");

        var proposal = Assert.Single((await Call("agora_getProposals")).EnumerateArray());
        Assert.Equal(id, proposal.GetProperty("id").GetUInt64());
        Assert.Equal("approved", proposal.GetProperty("status").GetString());
        Assert.Equal("vision", proposal.GetProperty("name").GetString());
        Assert.Equal(alice.Account.ToString(), proposal.GetProperty("proposer").GetString());
        Assert.Equal(2, proposal.GetProperty("ayes").GetArrayLength());
        Assert.Equal(200_000UL * Rao.PerTao, proposal.GetProperty("aye_stake").GetUInt64());
        Assert.Equal(1, proposal.GetProperty("netuid").GetInt32());
        Assert.Equal(100UL * Rao.PerTao, lockCost);
        Assert.Equal(lockCost, proposal.GetProperty("lock").GetUInt64());

        var best = _node.Core.Best.Number;
        var subnet = await Call("agora_getSubnet", 1);
        Assert.Equal("vision", subnet.GetProperty("name").GetString());
        Assert.Equal("vision subnet", subnet.GetProperty("description").GetString());
        Assert.Equal(alice.Account.ToString(), subnet.GetProperty("owner").GetString());
        Assert.Equal(20UL, subnet.GetProperty("tempo").GetUInt64());
        Assert.Equal(256UL, subnet.GetProperty("max_neurons").GetUInt64());
        Assert.Equal((best + 2) % 21, subnet.GetProperty("blocks_since_epoch").GetUInt64());
        Assert.Equal(20UL, subnet.GetProperty("hyperparameters").GetProperty("tempo").GetUInt64());
        Assert.InRange((await Call("agora_getLockCost")).GetProperty("lock_cost").GetUInt64(), 199UL * Rao.PerTao, 200UL * Rao.PerTao);
    }

    [Fact]
    public async Task Given_a_subnet_then_hyperparameters_render_bools_modes_and_numbers_by_name()
    {
        _node.LaunchSubnet("vision");

        var values = await Call("agora_getHyperparameters", 1);

        Assert.Equal(20UL, values.GetProperty("tempo").GetUInt64());
        Assert.True(values.GetProperty("commit_reveal_enabled").GetBoolean());
        Assert.Equal("auto", values.GetProperty("liquid_alpha_consensus_mode").GetString());
        Assert.Equal(1000, values.GetProperty("alpha_sigmoid_steepness").GetInt32());
        Assert.Equal(29, values.EnumerateObject().Count());
    }

    [Fact]
    public async Task Given_stake_on_two_subnets_then_shares_follow_the_ema_and_stake_hotkey_delegates_account_agree()
    {
        _node.LaunchSubnet("vision");
        _node.LaunchSubnet("text");
        using var dave = ChainRpcNode.Dev("Dave");
        using var eve = ChainRpcNode.Dev("Eve");
        _node.StakeSelf(dave, 1, Rao.FromTao(1_000));
        _node.StakeSelf(dave, 2, Rao.FromTao(250));
        _node.Apply(eve, new AddStakeCall(dave.Account, 1, Rao.FromTao(10)));
        for (var i = 0; i < 5; i++)
        {
            _node.Core.ProduceBlock();
        }

        var subnets = (await Call("agora_getSubnets")).EnumerateArray().ToArray();
        var share1 = subnets[1].GetProperty("emission_share").GetDecimal();
        var share2 = subnets[2].GetProperty("emission_share").GetDecimal();
        Assert.InRange(share1, 0.75m, 0.99m);
        Assert.InRange(share1 + share2, 0.999999998m, 1.000000002m);
        Assert.Equal(1_010UL * Rao.PerTao, subnets[1].GetProperty("total_stake").GetUInt64());
        Assert.True(subnets[1].GetProperty("ema_stake").GetUInt64() > 0);
        Assert.Equal((long)(subnets[1].GetProperty("total_stake").GetUInt64() - subnets[1].GetProperty("ema_stake").GetUInt64()), subnets[1].GetProperty("net_flow").GetInt64());
        Assert.True(subnets[1].GetProperty("net_flow").GetInt64() > 0, "stake is still flowing in ahead of its EMA");

        var stake = (await Call("agora_getStake", dave.Account.ToString())).EnumerateArray().ToArray();
        Assert.Equal([(1, 1_000UL), (2, 250UL)], stake.Select(s => (s.GetProperty("netuid").GetInt32(), s.GetProperty("stake").GetUInt64() / Rao.PerTao)));

        var hotkey = await Call("agora_getHotkey", dave.Account.ToString());
        Assert.Equal(dave.Account.ToString(), hotkey.GetProperty("owner").GetString());
        Assert.Equal(0.18m, Math.Round(hotkey.GetProperty("take").GetDecimal(), 2));
        Assert.Equal(2, hotkey.GetProperty("stakes").GetArrayLength());
        Assert.Equal(3, hotkey.GetProperty("nominators").GetArrayLength());
        Assert.Equal(eve.Account.ToString(), hotkey.GetProperty("nominators")[2].GetProperty("coldkey").GetString());

        var delegates = (await Call("agora_getDelegates")).EnumerateArray().ToArray();
        var daveDelegate = Assert.Single(delegates, d => d.GetProperty("hotkey").GetString() == dave.Account.ToString());
        Assert.Equal(2, daveDelegate.GetProperty("nominators").GetInt32());
        Assert.Equal(1_260UL * Rao.PerTao, daveDelegate.GetProperty("total_stake").GetUInt64());

        var account = await _node.Client.GetAccountAsync(dave.Account);
        Assert.Equal(Rao.FromTao(1_250), account.Staked);
    }

    [Fact]
    public async Task Given_an_unowned_hotkey_then_getHotkey_is_null()
    {
        using var ferdie = ChainRpcNode.Dev("Ferdie");

        var hotkey = await Call("agora_getHotkey", ferdie.Account.ToString());

        Assert.Equal(JsonValueKind.Null, hotkey.ValueKind);
    }

    [Theory]
    [InlineData("agora_getSubnet", 7, "no subnet has netuid 7")]
    [InlineData("agora_getSubnet", 70000, "70000 is not a netuid")]
    [InlineData("agora_getHyperparameters", 0, "root subnet, which has no hyperparameters")]
    [InlineData("agora_getStake", "5notanaddress", "coldkey:")]
    [InlineData("agora_getHotkey", 12, "hotkey")]
    public async Task Given_bad_params_then_the_error_is_invalid_params_naming_what_is_wrong(string method, object parameter, string expected)
    {
        var error = await Assert.ThrowsAsync<ClientRpcException>(() => Call(method, parameter));

        Assert.Equal(RpcErrorCodes.InvalidParams, error.Code);
        Assert.Contains(expected, error.RpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_call_that_would_fail_when_submitted_then_the_rejection_data_names_module_and_error()
    {
        _node.LaunchSubnet("vision");
        using var dave = ChainRpcNode.Dev("Dave");
        _node.StakeSelf(dave, 1, Rao.FromTao(10));
        var transaction = _node.Sign(dave, new RemoveStakeCall(dave.Account, 1, Rao.FromTao(11)));

        var error = await Assert.ThrowsAsync<ClientRpcException>(() => _node.Client.SubmitTransactionAsync(transaction.Encoded));

        Assert.Equal(RpcErrorCodes.TransactionRejected, error.Code);
        Assert.Equal("staking", error.ErrorData!.Value.GetProperty("module").GetString());
        Assert.Equal("insufficient_stake", error.ErrorData!.Value.GetProperty("error").GetString());
    }

    [Fact]
    public void Blocks_since_epoch_is_zero_in_an_epoch_block_and_counts_up_to_tempo()
    {
        // netuid 1, tempo 20: epochs in blocks 19, 40, 61, …
        Assert.Equal(0UL, EconomyRpcApi.BlocksSinceEpoch(19, 1, 20));
        Assert.Equal(1UL, EconomyRpcApi.BlocksSinceEpoch(20, 1, 20));
        Assert.Equal(20UL, EconomyRpcApi.BlocksSinceEpoch(39, 1, 20));
        Assert.Equal(0UL, EconomyRpcApi.BlocksSinceEpoch(40, 1, 20));
    }
}
