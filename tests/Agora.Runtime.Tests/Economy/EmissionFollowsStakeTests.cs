using Agora.Core.Primitives;
using Agora.Protocol.Emission;
using Agora.Protocol.Staking;
using Agora.Runtime.Modules.Emission;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.State;

namespace Agora.Runtime.Tests.Economy;

public sealed class EmissionFollowsStakeTests
{
    [Fact]
    public void The_ema_step_is_the_specified_integer_formula_and_reaches_zero_exactly()
    {
        const ulong k = 29_667_506;

        Assert.Equal(new Rao(6_907_504), StakeEma.Step(Rao.Zero, new Rao(1_000_000_000), k));
        Assert.Equal(new Rao(1_000_000_000 - 6_907_504), StakeEma.Step(new Rao(1_000_000_000), Rao.Zero, k));
        Assert.Equal(Rao.Zero, StakeEma.Step(new Rao(100), Rao.Zero, k));
        Assert.Equal(new Rao(7), StakeEma.Step(new Rao(7), new Rao(7), k));
        Assert.Equal(new Rao(ulong.MaxValue), StakeEma.Step(new Rao(ulong.MaxValue - 1), new Rao(ulong.MaxValue), k));
    }

    [Fact]
    public void Nothing_is_minted_until_a_subnet_has_stake_and_then_the_pool_drains_into_the_split()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha");
        var (quiet, _) = chain.Produce();
        Assert.DoesNotContain(quiet.Events, e => e.Event is EmissionMinted);

        var staker = chain.Keys[3];
        chain.Run(staker, new AssociateHotkeyCall(staker.Account, new byte[64]));
        chain.Run(staker, new AddStakeCall(staker.Account, netuid, Rao.FromTao(10)));
        var (active, _) = chain.Produce();

        var minted = active.Events.Select(e => e.Event).OfType<EmissionMinted>().Single();
        Assert.Equal(Rao.FromTao(1), minted.Amount);
        var economy = SubnetState.Economy(chain.State, netuid);
        Assert.Equal(Rao.FromTao(1), economy.PendingEmission);
        Assert.Equal(0UL, chain.Read(StateKeys.PendingEmission));
        Assert.Equal(0, chain.InvariantGap());
    }

    [Fact]
    public void Emission_splits_by_stake_ema_and_follows_stake_moved_between_subnets()
    {
        using var chain = EconomyChain.Create();
        var first = EconomyChain.Launch(chain, "first");
        var second = EconomyChain.Launch(chain, "second");
        var staker = chain.Keys[3];
        chain.Run(staker, new AssociateHotkeyCall(staker.Account, new byte[64]));
        chain.Run(staker, new AddStakeCall(staker.Account, first, Rao.FromTao(300)));
        chain.Run(staker, new AddStakeCall(staker.Account, second, Rao.FromTao(100)));
        chain.AdvanceTo(chain.BestNumber + 1_000);
        var settled = Shares(chain, first, second);

        chain.Run(staker, new MoveStakeCall(staker.Account, first, staker.Account, second, Rao.FromTao(250)));
        var justAfter = Shares(chain, first, second);
        chain.AdvanceTo(chain.BestNumber + 100);
        var oneHalfLife = Shares(chain, first, second);
        chain.AdvanceTo(chain.BestNumber + 2_000);
        var resettled = Shares(chain, first, second);

        Assert.InRange(settled.First, 0.7499m, 0.7501m);
        Assert.InRange(justAfter.First, 0.74m, 0.7501m); // one block cannot steer it
        Assert.InRange(oneHalfLife.First, 0.43m, 0.47m); // halfway from 3/4 toward 1/8
        Assert.InRange(resettled.First, 0.1249m, 0.1251m);
        Assert.Equal(0, chain.InvariantGap());
    }

    [Fact]
    public void Per_block_split_pays_each_subnet_floor_of_its_ema_share_and_carries_the_remainder()
    {
        using var chain = EconomyChain.Create();
        var subnets = new[] { EconomyChain.Launch(chain, "a"), EconomyChain.Launch(chain, "b"), EconomyChain.Launch(chain, "c") };
        var staker = chain.Keys[3];
        chain.Run(staker, new AssociateHotkeyCall(staker.Account, new byte[64]));
        foreach (var netuid in subnets)
        {
            chain.Run(staker, new AddStakeCall(staker.Account, netuid, Rao.FromTao(1) + new Rao(netuid)));
        }

        var before = subnets.Select(n => SubnetState.Economy(chain.State, n).PendingEmission.Value).ToArray();
        var dustBefore = chain.Read(StateKeys.CarriedDust);
        var (block, _) = chain.Produce();

        var emas = subnets.Select(n => (UInt128)SubnetState.Economy(chain.State, n).EmaStake.Value).ToArray();
        var total = (UInt128)block.Events.Select(e => e.Event).OfType<EmissionMinted>().Single().Amount.Value + dustBefore;
        var shares = emas.Select(ema => (ulong)(total * ema / (emas[0] + emas[1] + emas[2]))).ToArray();
        Assert.Equal(shares, subnets.Select((n, i) => SubnetState.Economy(chain.State, n).PendingEmission.Value - before[i]).ToArray());
        Assert.Equal((ulong)(total - shares.Aggregate(0UL, (s, x) => s + x)), chain.Read(StateKeys.CarriedDust));
    }

    private static (decimal First, decimal Second) Shares(TestChain chain, ushort first, ushort second)
    {
        var a = (decimal)SubnetState.Economy(chain.State, first).EmaStake.Value;
        var b = (decimal)SubnetState.Economy(chain.State, second).EmaStake.Value;
        return (a / (a + b), b / (a + b));
    }
}
