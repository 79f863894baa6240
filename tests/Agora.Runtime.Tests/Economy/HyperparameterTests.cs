using Agora.Protocol.Modules;
using Agora.Protocol.Subnets;
using Agora.Runtime.Modules.Subnets;

namespace Agora.Runtime.Tests.Economy;

public sealed class HyperparameterTests
{
    [Fact]
    public void The_owner_sets_an_owner_settable_hyperparameter_and_the_event_records_old_and_new()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha");

        var events = chain.Run(chain.Keys[0], new SetHyperparameterCall(netuid, HyperparameterId.Tempo, 99));

        Assert.Contains(new HyperparameterSet(netuid, HyperparameterId.Tempo, 20, 99, chain.Keys[0].Account), events);
        Assert.Equal(99UL, SubnetState.HyperparametersOf(chain.State, netuid)!.Tempo);
    }

    [Fact]
    public void Only_sudo_sets_chain_owned_hyperparameters_and_nobody_else_sets_any()
    {
        using var chain = EconomyChain.Create(withSudo: true);
        var proposer = chain.Keys[3];
        var id = chain.Run(proposer, new Protocol.Governance.ProposeSubnetCall("beta", "", proposer.Account, [])).OfType<Protocol.Governance.SubnetProposed>().Single().ProposalId;
        chain.Run(chain.Keys[0], new Protocol.Governance.VoteCall(id, true));
        var netuid = chain.Run(chain.Keys[1], new Protocol.Governance.VoteCall(id, true)).OfType<Protocol.Governance.SubnetLaunched>().Single().Netuid;

        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, proposer, new SetHyperparameterCall(netuid, HyperparameterId.Kappa, 1000), ModuleId.Subnets, (ushort)SubnetsError.NotOwnerSettable);
        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, chain.Keys[4], new SetHyperparameterCall(netuid, HyperparameterId.Tempo, 50), ModuleId.Subnets, (ushort)SubnetsError.NotSubnetOwner);
        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, proposer, new SetHyperparameterCall(netuid, HyperparameterId.AlphaLow, 60_000), ModuleId.Subnets, (ushort)SubnetsError.ValueOutOfBounds);
        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, chain.Keys[0], new SetHyperparameterCall(0, HyperparameterId.Tempo, 50), ModuleId.Subnets, (ushort)SubnetsError.RootHasNoHyperparameters);
        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, chain.Keys[0], new SetHyperparameterCall(30, HyperparameterId.Tempo, 50), ModuleId.Subnets, (ushort)SubnetsError.SubnetNotFound);
        chain.Run(chain.Keys[0], new SetHyperparameterCall(netuid, HyperparameterId.Kappa, 1000));

        Assert.Equal(1000UL, SubnetState.HyperparametersOf(chain.State, netuid)![HyperparameterId.Kappa]);
    }

    [Fact]
    public void Out_of_bounds_and_unknown_hyperparameters_are_refused_before_inclusion()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha");

        var (execution, results) = chain.Produce(
            chain.Sign(chain.Keys[0], new SetHyperparameterCall(netuid, HyperparameterId.Tempo, 5)),
            chain.Sign(chain.Keys[0], new SetHyperparameterCall(netuid, (HyperparameterId)200, 5)),
            chain.Sign(chain.Keys[0], new SetHyperparameterCall(netuid, HyperparameterId.AlphaSigmoidSteepness, 40_000)));

        Assert.Equal([SubnetsError.ValueOutOfBounds, SubnetsError.UnknownHyperparameter, SubnetsError.ValueOutOfBounds],
            results.Select(r => (SubnetsError)r!.CallError!.Code).ToArray());
        Assert.Contains("tempo = 5 is outside 10–7200", results[0]!.Message, StringComparison.Ordinal);
        Assert.Empty(execution.Transactions);
    }

    [Fact]
    public void Hyperparameter_ids_and_defaults_are_the_design_table()
    {
        var names = Hyperparameters.Definitions.Select(d => d.Name).ToArray();

        Assert.Equal(["tempo", "kappa", "immunity_period", "activity_cutoff", "max_allowed_uids", "max_allowed_validators", "min_allowed_weights",
            "max_weight_limit", "weights_rate_limit", "weights_version", "bonds_moving_average", "bonds_penalty", "commit_reveal_enabled",
            "commit_reveal_period", "adjustment_interval", "target_registrations_per_interval", "max_registrations_per_block", "min_burn", "max_burn",
            "yuma3_enabled", "liquid_alpha_enabled", "alpha_low", "alpha_high", "alpha_sigmoid_steepness", "liquid_alpha_consensus_mode",
            "stake_penalty_rate", "penalty_vtrust_threshold", "penalty_epochs", "serving_rate_limit"], names);
        Assert.All(Hyperparameters.Definitions, d => Assert.Equal(d.Id, (HyperparameterId)Hyperparameters.Definitions.ToList().IndexOf(d)));
        Assert.Equal([360UL, 20UL], [SubnetHyperparameters.MainDefaults.Tempo, SubnetHyperparameters.DevDefaults.Tempo]);
        Assert.Null(HyperparameterConsistency.Check(SubnetHyperparameters.MainDefaults));
    }
}
