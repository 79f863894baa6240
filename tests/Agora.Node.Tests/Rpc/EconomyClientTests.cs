using Agora.Core.Primitives;
using Agora.Protocol.Governance;
using Agora.Protocol.Staking;
using Agora.Sdk.Client;

namespace Agora.Node.Tests.Rpc;

/// <summary>The SDK's typed economy calls and inclusion reports against the real chain RPC.</summary>
public sealed class EconomyClientTests : IAsyncLifetime
{
    private ChainRpcNode _node = null!;

    public async Task InitializeAsync() => _node = await ChainRpcNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Given_a_launched_subnet_with_stake_then_the_typed_calls_read_subnets_stake_hotkey_delegates_senate_and_proposals()
    {
        _node.LaunchSubnet("vision");
        using var dave = ChainRpcNode.Dev("Dave");
        _node.StakeSelf(dave, 1, Rao.FromTao(1_000));
        _node.Core.ProduceBlock();
        var client = _node.Client;

        var subnets = await client.GetSubnetsAsync();
        var subnet = await client.GetSubnetAsync(1);
        var hyperparameters = await client.GetHyperparametersAsync(1);
        var stake = await client.GetStakeAsync(dave.Account);
        var hotkey = await client.GetHotkeyAsync(dave.Account);
        var delegates = await client.GetDelegatesAsync();
        var senate = await client.GetSenateAsync();
        var proposals = await client.GetProposalsAsync();
        var lockCost = await client.GetLockCostAsync();

        Assert.Equal([0, 1], subnets.Select(s => (int)s.Netuid));
        Assert.Equal(1m, subnets[1].EmissionShare);
        Assert.Null(subnets[0].Tempo);
        Assert.Equal("vision", subnet.Subnet.Name);
        Assert.Equal(20UL, subnet.Subnet.Tempo);
        Assert.Equal("vision subnet", subnet.Description);
        Assert.Equal(20, subnet.Hyperparameters!["tempo"].GetInt32());
        Assert.Equal("auto", hyperparameters["liquid_alpha_consensus_mode"].GetString());
        Assert.Equal(new StakePosition(dave.Account, 1, Rao.FromTao(1_000)), Assert.Single(stake));
        Assert.Equal(dave.Account, hotkey!.Owner);
        Assert.Equal(Rao.FromTao(1_000), hotkey.TotalStake);
        Assert.Equal(new Nomination(dave.Account, 1, Rao.FromTao(1_000)), Assert.Single(hotkey.Nominators));
        Assert.Equal(1, Assert.Single(delegates, d => d.Hotkey == dave.Account).Nominators);
        Assert.Equal(4, senate.Count); // the dev senate minimum is 1 TAO, so Dave joins Alice, Bob and Charlie
        Assert.Equal(ProposalStatus.Approved, Assert.Single(proposals).Status);
        Assert.Equal((ushort?)1, proposals[0].Netuid);
        Assert.True(lockCost.LockCost > Rao.FromTao(100));
        Assert.Null(await client.GetHotkeyAsync(ChainRpcNode.Dev("Ferdie").Account));
    }

    [Fact]
    public async Task Given_a_call_that_fails_at_block_time_then_inclusion_reports_the_failure_and_WaitForSuccess_throws()
    {
        _node.LaunchSubnet("vision");
        using var dave = ChainRpcNode.Dev("Dave");
        _node.StakeSelf(dave, 1, Rao.FromTao(10));
        var first = _node.Sign(dave, new RemoveStakeCall(dave.Account, 1, Rao.FromTao(10)));
        var second = _node.Sign(dave, new RemoveStakeCall(dave.Account, 1, Rao.FromTao(10)), nonceOffset: 1);
        Assert.True(_node.Core.Submit(first).Accepted);
        Assert.True(_node.Core.Submit(second).Accepted); // admitted: the position still holds 10 TAO now
        _node.Core.ProduceBlock();
        var sender = new TransactionSender(_node.Rpc, TimeProvider.System);

        var succeeded = await sender.WaitForSuccessAsync(first);
        var included = await sender.WaitForInclusionAsync(second);
        var error = await Assert.ThrowsAsync<CallFailedException>(() => sender.WaitForSuccessAsync(second));

        Assert.Null(succeeded.Failure);
        Assert.NotNull(succeeded.Event("stake_removed"));
        Assert.Equal(0, succeeded.Index);
        Assert.Equal(1, included.Index);
        Assert.Equal(new CallFailure("staking", "insufficient_stake", (ushort)StakingError.InsufficientStake), included.Failure);
        Assert.Equal(included.BlockNumber, error.Inclusion!.BlockNumber);
        Assert.Contains("staking.insufficient_stake: the position holds less than the amount", error.Message, StringComparison.Ordinal);
    }
}
