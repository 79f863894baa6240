using System.Collections.Immutable;
using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;
using Agora.Protocol.Neurons;
using Agora.Protocol.Staking;
using Agora.Protocol.Subnets;
using Agora.Runtime.Modules;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.State;
using Agora.Runtime.Tests.Economy;

namespace Agora.Runtime.Tests.Neurons;

public sealed class ReplacementTests
{
    private const ulong Immunity = 10;

    [Fact]
    public void A_full_subnet_replaces_the_non_immune_neuron_with_the_lowest_emission_and_explains_it()
    {
        using var chain = EconomyChain.Create();
        var (netuid, hotkeys) = FullSubnet(chain);
        foreach (var uid in Enumerable.Range(0, 8))
        {
            NeuronsChain.SetEmission(chain, netuid, (ushort)uid, new Rao(1_000 + (ulong)uid));
        }

        NeuronsChain.SetEmission(chain, netuid, 5, new Rao(7));
        var coldkey = NeuronsChain.Coldkey(chain);
        var newcomer = NeuronsChain.Hotkey(20);

        var events = chain.Run(coldkey, NeuronsChain.RegisterCall(coldkey, newcomer, netuid));

        var replaced = new NeuronReplaced(netuid, 5, hotkeys[5].Account, newcomer.Account, new Rao(7), 1, 8, 0);
        Assert.Contains(replaced, events);
        Assert.Equal(5, events.OfType<NeuronRegistered>().Single().Uid);
        Assert.Equal((ushort)8, NeuronState.Count(chain.State, netuid));
        Assert.Equal(new NeuronInfo(newcomer.Account, chain.BestNumber), NeuronState.Neuron(chain.State, netuid, 5));
        Assert.Null(NeuronState.UidOf(chain.State, netuid, hotkeys[5].Account));
        Assert.Empty(NeuronState.RegistrationsOf(chain.State, hotkeys[5].Account));
        Assert.Equal([new DeregistrationEntry(chain.BestNumber, replaced)], DeregistrationHistory.Of(chain.State, netuid).Entries.ToArray());
        Assert.Equal(0, chain.InvariantGap());
    }

    [Fact]
    public void The_replaced_uid_starts_clean_while_stake_on_the_old_hotkey_stays()
    {
        using var chain = EconomyChain.Create();
        var (netuid, hotkeys) = FullSubnet(chain);
        var coldkey = NeuronsChain.Coldkey(chain);
        chain.Run(coldkey, new AddStakeCall(hotkeys[0].Account, netuid, Rao.FromTao(2)));
        var row = new SparseU16Row([(0, 100), (3, 65_535)]);
        NeuronsChain.Edit(chain, state =>
        {
            WeightsState.SetRow(state, netuid, 0, row);
            EpochState.SetBonds(state, netuid, 0, row);
            EpochState.SetBonds(state, netuid, 1, row);
            EpochState.SetBonds(state, netuid, 2, new SparseU16Row([(0, 9)]));
            NeuronState.SetAxon(state, netuid, 0, new AxonInfo(new byte[] { 10, 0, 0, 1 }, 80, 0, 1, 1));
            WeightsState.SetCommits(state, netuid, hotkeys[0].Account, new PendingCommits([new WeightCommit(Hash256.Of("c"u8), 1, 1)]));
            for (ushort uid = 1; uid < 8; uid++)
            {
                EpochState.SetOutputs(state, netuid, uid, NeuronOutputs.None with { Emission = new Rao(50) });
            }
        });

        chain.Run(coldkey, NeuronsChain.RegisterCall(coldkey, NeuronsChain.Hotkey(20), netuid));

        Assert.True(WeightsState.Row(chain.State, netuid, 0).IsEmpty);
        Assert.True(EpochState.Bonds(chain.State, netuid, 0).IsEmpty);
        Assert.Equal([((ushort)3, (ushort)65_535)], EpochState.Bonds(chain.State, netuid, 1).Entries.ToArray());
        Assert.Null(chain.State.Get(EpochKeys.Bonds(netuid, 2)));
        Assert.Null(chain.State.Get(EpochKeys.Outputs(netuid, 0)));
        Assert.Null(NeuronState.Axon(chain.State, netuid, 0));
        Assert.Null(chain.State.Get(WeightsKeys.Commits(netuid, hotkeys[0].Account)));
        Assert.Equal(chain.BestNumber, WeightsState.LastUpdate(chain.State, netuid, 0));
        Assert.Equal(Rao.FromTao(2), StakingState.Position(chain.State, coldkey.Account, hotkeys[0].Account, netuid));
        Assert.Equal(Rao.FromTao(2), StakingState.Hotkey(chain.State, hotkeys[0].Account)!.TotalStake);
        Assert.Equal(0, chain.InvariantGap());
    }

    [Fact]
    public void Equal_scores_go_to_the_earlier_registration_then_to_the_lower_uid()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha", new HyperparameterOverride(HyperparameterId.MaxAllowedUids, 8),
            new HyperparameterOverride(HyperparameterId.ImmunityPeriod, Immunity), new HyperparameterOverride(HyperparameterId.MaxRegistrationsPerBlock, 8));
        var coldkey = NeuronsChain.Coldkey(chain);
        var nonce = chain.Account(coldkey.Account).Nonce;
        // uids 0–3 in one block, then 4–7 in another block.
        chain.Produce(Enumerable.Range(0, 4).Select(i => chain.Sign(coldkey, NeuronsChain.RegisterCall(coldkey, NeuronsChain.Hotkey(i), netuid), nonce + (ulong)i)).ToArray());
        chain.Produce(Enumerable.Range(4, 4).Select(i => chain.Sign(coldkey, NeuronsChain.RegisterCall(coldkey, NeuronsChain.Hotkey(i), netuid), nonce + (ulong)i)).ToArray());
        Assert.Equal((ushort)8, NeuronState.Count(chain.State, netuid));
        chain.AdvanceTo(chain.BestNumber + Immunity);
        foreach (var uid in new ushort[] { 0, 1, 4, 5 })
        {
            NeuronsChain.SetEmission(chain, netuid, uid, new Rao(500));
        }

        // uids 2, 3 (earlier block) and 6, 7 (later block) tie at 0: the earlier block wins, then the lower uid.
        var first = chain.Run(coldkey, NeuronsChain.RegisterCall(coldkey, NeuronsChain.Hotkey(20), netuid)).OfType<NeuronReplaced>().Single();
        var second = chain.Run(coldkey, NeuronsChain.RegisterCall(coldkey, NeuronsChain.Hotkey(21), netuid)).OfType<NeuronReplaced>().Single();

        Assert.Equal(((ushort)2, (ushort)3), (first.Uid, second.Uid));
        Assert.Equal((Rao.Zero, (ushort)8, (ushort)0), (first.PruningScore, first.NonImmuneCount, first.ImmuneCount));
        // The first newcomer is immune now.
        Assert.Equal(((ushort)7, (ushort)1), (second.NonImmuneCount, second.ImmuneCount));
    }

    [Fact]
    public void Immune_neurons_are_passed_over_even_with_the_lowest_score()
    {
        using var chain = EconomyChain.Create();
        var (netuid, _) = FullSubnet(chain);
        var coldkey = NeuronsChain.Coldkey(chain);
        var youngster = NeuronsChain.Register(chain, coldkey, NeuronsChain.Hotkey(20), netuid);
        for (ushort uid = 0; uid < 8; uid++)
        {
            NeuronsChain.SetEmission(chain, netuid, uid, uid == youngster ? Rao.Zero : new Rao(100 + (ulong)uid));
        }

        var replaced = chain.Run(coldkey, NeuronsChain.RegisterCall(coldkey, NeuronsChain.Hotkey(21), netuid)).OfType<NeuronReplaced>().Single();

        Assert.NotEqual(youngster, replaced.Uid);
        Assert.Equal((ushort)(youngster == 0 ? 1 : 0), replaced.Uid);
        Assert.Equal(((ushort)7, (ushort)1), (replaced.NonImmuneCount, replaced.ImmuneCount));
    }

    [Fact]
    public void When_every_neuron_is_immune_the_registration_fails_naming_the_block_the_first_immunity_ends()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha", new HyperparameterOverride(HyperparameterId.MaxAllowedUids, 8),
            new HyperparameterOverride(HyperparameterId.ImmunityPeriod, 1_000));
        var coldkey = NeuronsChain.Coldkey(chain);
        var firstBlock = chain.BestNumber + 1;
        for (var i = 0; i < 8; i++)
        {
            NeuronsChain.Register(chain, coldkey, NeuronsChain.Hotkey(i), netuid);
        }

        var call = NeuronsChain.RegisterCall(coldkey, NeuronsChain.Hotkey(20), netuid);
        var overlay = new StateOverlay(chain.State);
        var context = chain.NextContext();
        var error = context.Rules.Handler(call.Tag)!.Execute(call, new CallContext(context, coldkey.Account, coldkey.Account), overlay, new List<RuntimeEvent>());

        Assert.Equal(NeuronsError.AllNeuronsImmune, (NeuronsError)error!.Code);
        Assert.Contains($"at block {firstBlock + 1_000}", error.Message, StringComparison.Ordinal);
        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, coldkey, call, ModuleId.Neurons, (ushort)NeuronsError.AllNeuronsImmune);
    }

    [Fact]
    public void A_subnet_whose_max_allowed_uids_was_lowered_below_its_count_replaces_instead_of_growing()
    {
        using var chain = EconomyChain.Create();
        var (netuid, _) = FullSubnet(chain, uids: 10);
        NeuronsChain.SetHyperparameter(chain, netuid, HyperparameterId.MaxAllowedUids, 8);
        var coldkey = NeuronsChain.Coldkey(chain);

        var events = chain.Run(coldkey, NeuronsChain.RegisterCall(coldkey, NeuronsChain.Hotkey(20), netuid));

        Assert.Single(events.OfType<NeuronReplaced>());
        Assert.Equal((ushort)10, NeuronState.Count(chain.State, netuid));
        Assert.Equal((ushort)10, events.OfType<NeuronReplaced>().Single().NonImmuneCount);
    }

    [Fact]
    public void The_history_keeps_the_64_newest_replacements_newest_first()
    {
        using var chain = EconomyChain.Create(accountCount: 6);
        var netuid = EconomyChain.Launch(chain, "alpha", new HyperparameterOverride(HyperparameterId.MaxAllowedUids, 8),
            new HyperparameterOverride(HyperparameterId.ImmunityPeriod, 0), new HyperparameterOverride(HyperparameterId.MaxRegistrationsPerBlock, 64),
            new HyperparameterOverride(HyperparameterId.AdjustmentInterval, 7_200));
        var coldkey = NeuronsChain.Coldkey(chain);
        var replacements = new List<NeuronReplaced>();
        for (var batch = 0; batch < 3; batch++)
        {
            var nonce = chain.Account(coldkey.Account).Nonce;
            var transactions = Enumerable.Range(0, 30)
                .Select(i => chain.Sign(coldkey, NeuronsChain.RegisterCall(coldkey, TestChain.Key(100 + (batch * 30) + i), netuid), nonce + (ulong)i)).ToArray();
            var (execution, results) = chain.Produce(transactions);
            Assert.All(results, Assert.Null);
            replacements.AddRange(execution.Events.Select(e => e.Event).OfType<NeuronReplaced>());
        }

        var history = DeregistrationHistory.Of(chain.State, netuid).Entries;
        Assert.Equal(90 - 8, replacements.Count);
        Assert.Equal(NeuronLimits.DeregistrationsKept, history.Length);
        Assert.Equal(Enumerable.Reverse(replacements).Take(64).ToArray(), history.Select(e => e.Replaced).ToArray());
        Assert.Equal(0, chain.InvariantGap());
    }

    private static (ushort Netuid, ImmutableArray<Core.Crypto.KeyPair> Hotkeys) FullSubnet(TestChain chain, int uids = 8)
    {
        var netuid = EconomyChain.Launch(chain, "alpha", new HyperparameterOverride(HyperparameterId.MaxAllowedUids, (ulong)uids),
            new HyperparameterOverride(HyperparameterId.ImmunityPeriod, Immunity));
        var coldkey = NeuronsChain.Coldkey(chain);
        var hotkeys = Enumerable.Range(0, uids).Select(NeuronsChain.Hotkey).ToImmutableArray();
        foreach (var hotkey in hotkeys)
        {
            NeuronsChain.Register(chain, coldkey, hotkey, netuid);
        }

        chain.AdvanceTo(chain.BestNumber + Immunity);
        return (netuid, hotkeys);
    }
}
