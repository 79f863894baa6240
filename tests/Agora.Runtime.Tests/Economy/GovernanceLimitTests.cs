using Agora.Core.Primitives;
using Agora.Protocol.Governance;
using Agora.Protocol.Modules;
using Agora.Protocol.Staking;

namespace Agora.Runtime.Tests.Economy;

public sealed class GovernanceLimitTests
{
    [Fact]
    public void Proposals_wait_out_the_launch_rate_limit()
    {
        using var chain = EconomyChain.Create(ChainParameters.Development with { SubnetLaunchRateLimitBlocks = 50 });
        EconomyChain.Launch(chain, "first");

        var failed = EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, chain.Keys[3], new ProposeSubnetCall("second", "", chain.Keys[3].Account, []),
            ModuleId.Governance, (ushort)GovernanceError.LaunchRateLimited);
        chain.AdvanceTo(chain.BestNumber + 50);
        var proposed = chain.Run(chain.Keys[3], new ProposeSubnetCall("second", "", chain.Keys[3].Account, [])).OfType<SubnetProposed>();

        Assert.Equal("launch_rate_limited", failed.ErrorName);
        Assert.Single(proposed);
    }

    [Fact]
    public void The_chain_holds_a_bounded_number_of_pending_proposals()
    {
        using var chain = EconomyChain.Create(ChainParameters.Development with { SubnetLockMin = Rao.FromTao(1) });
        for (var i = 0; i < GovernanceLimits.PendingProposalCountMax; i++)
        {
            chain.Run(chain.Keys[i % 6], new ProposeSubnetCall($"p{i}", "", chain.Keys[i % 6].Account, []));
        }

        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, chain.Keys[5], new ProposeSubnetCall("one more", "", chain.Keys[5].Account, []),
            ModuleId.Governance, (ushort)GovernanceError.TooManyPendingProposals);
    }

    [Fact]
    public void A_full_chain_with_every_subnet_immune_refuses_proposals_saying_so()
    {
        using var chain = EconomyChain.Create(ChainParameters.Development with { SubnetCountMax = 1, SubnetImmunityBlocks = 1_000 });
        EconomyChain.Launch(chain, "only");

        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, chain.Keys[3], new ProposeSubnetCall("second", "", chain.Keys[3].Account, []),
            ModuleId.Governance, (ushort)GovernanceError.NoSubnetToReplace);
    }

    [Fact]
    public void Associating_a_hotkey_twice_is_its_own_error()
    {
        using var chain = EconomyChain.Create();

        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, chain.Keys[0], new AssociateHotkeyCall(chain.Keys[0].Account, new byte[64]),
            ModuleId.Staking, (ushort)StakingError.AlreadyOwned);
    }
}
