using Agora.Core.Primitives;
using Agora.Runtime.Genesis;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.Queries;

namespace Agora.Runtime.Tests.Economy;

public sealed class GenesisTests
{
    [Fact]
    public void Genesis_creates_root_genesis_subnets_and_stakes_out_of_the_balances()
    {
        using var key = TestChain.Key(1);
        var spec = Spec(key.Account, subnets: 2) with { Stakes = [new GenesisStake(key.Account, key.Account, 2, Rao.FromTao(40))] };
        var state = new TestState();

        state.Apply(GenesisBuilder.BuildState(spec));

        Assert.Equal([(ushort)0, (ushort)1, (ushort)2], SubnetState.Netuids(state).ToArray());
        Assert.Equal(GenesisBuilder.RootName, SubnetState.Info(state, 0)!.Name);
        Assert.Null(SubnetState.HyperparametersOf(state, 0));
        Assert.Equal(Rao.FromTao(40), SubnetState.Economy(state, 2).TotalStake);
        Assert.Equal(key.Account, StakingState.Hotkey(state, key.Account)!.Owner);
        Assert.Equal(Rao.FromTao(60), new State.StateOverlay(state).GetAccount(key.Account).Free);
        Assert.Equal(0, IssuanceAudit.Of(state).Gap);
    }

    [Fact]
    public void Genesis_refuses_more_subnets_than_the_limit_and_stakes_beyond_the_balance()
    {
        using var key = TestChain.Key(1);

        Assert.Contains("max_subnets", Assert.Throws<ArgumentException>(() => GenesisBuilder.BuildState(Spec(key.Account, subnets: 33))).Message, StringComparison.Ordinal);
        Assert.Contains("exceeds", Assert.Throws<ArgumentException>(() => GenesisBuilder.BuildState(
            Spec(key.Account, subnets: 0) with { Stakes = [new GenesisStake(key.Account, key.Account, 0, Rao.FromTao(101))] })).Message, StringComparison.Ordinal);
    }

    private static ChainSpec Spec(AccountId account, int subnets) =>
        new("t", "t", true, 1000, 0, account, null, [new GenesisBalance(account, Rao.FromTao(100))], ChainParameters.Development)
        {
            Subnets = Enumerable.Range(0, subnets).Select(i => new GenesisSubnet($"s{i}", account, account)).ToArray(),
        };
}
