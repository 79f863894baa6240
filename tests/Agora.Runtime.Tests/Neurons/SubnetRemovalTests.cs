using Agora.Core.Primitives;
using Agora.Protocol.Neurons;
using Agora.Protocol.Subnets;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.State;
using Agora.Runtime.Tests.Economy;

namespace Agora.Runtime.Tests.Neurons;

public sealed class SubnetRemovalTests
{
    private static readonly byte[][] ModulePrefixes =
    [
        NeuronKeys.CountPrefix, NeuronKeys.NeuronPrefix, NeuronKeys.UidPrefix, NeuronKeys.AxonPrefix, NeuronKeys.RegistrationPrefix,
        NeuronKeys.DeregistrationsPrefix, WeightsKeys.RowPrefix, WeightsKeys.LastUpdatePrefix, WeightsKeys.CommitsPrefix,
        EpochKeys.OutputsPrefix, EpochKeys.BondsPrefix, EpochKeys.SubnetPrefix,
    ];

    [Fact]
    public void Deregistering_a_subnet_leaves_none_of_its_neurons_weights_or_epoch_state_and_keeps_other_subnets()
    {
        using var chain = EconomyChain.Create();
        var doomed = EconomyChain.Launch(chain, "doomed", new HyperparameterOverride(HyperparameterId.MaxAllowedUids, 8),
            new HyperparameterOverride(HyperparameterId.ImmunityPeriod, 0));
        var kept = EconomyChain.Launch(chain, "kept");
        var coldkey = NeuronsChain.Coldkey(chain);
        for (var i = 0; i < 9; i++)
        {
            NeuronsChain.Register(chain, coldkey, NeuronsChain.Hotkey(i), doomed);
        }

        var shared = NeuronsChain.Hotkey(8);
        NeuronsChain.Register(chain, coldkey, shared, kept);
        chain.Run(shared, new ServeAxonCall(doomed, new byte[] { 10, 0, 0, 1 }, 80, 0, 1));
        NeuronsChain.Edit(chain, state =>
        {
            WeightsState.SetRow(state, doomed, 1, new SparseU16Row([(2, 10)]));
            WeightsState.SetCommits(state, doomed, shared.Account, new PendingCommits([new WeightCommit(Hash256.Of("x"u8), 1, 1)]));
            EpochState.SetBonds(state, doomed, 1, new SparseU16Row([(2, 10)]));
            EpochState.SetOutputs(state, doomed, 1, NeuronOutputs.None with { Emission = new Rao(3) });
            EpochState.SetSubnet(state, doomed, new SubnetEpochState(5));
        });
        Assert.NotEmpty(DeregistrationHistory.Of(chain.State, doomed).Entries);
        var keptBefore = KeysOf(chain.State, kept);

        NeuronsChain.Edit(chain, state => SubnetLifecycle.Deregister(state, doomed, DeregistrationReason.ReplacedByProposal, chain.BestNumber, chain.Parameters));

        Assert.Empty(KeysOf(chain.State, doomed));
        Assert.Equal(keptBefore, KeysOf(chain.State, kept));
        Assert.NotEmpty(keptBefore);
        Assert.Equal([(kept, (ushort)0)], NeuronState.RegistrationsOf(chain.State, shared.Account).ToArray());
        for (var i = 0; i < 8; i++)
        {
            Assert.Empty(NeuronState.RegistrationsOf(chain.State, NeuronsChain.Hotkey(i).Account));
        }

        Assert.Equal(0, chain.InvariantGap());
    }

    [Fact]
    public void Deregistering_a_subnet_without_neurons_writes_no_neuron_keys()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "empty");
        var overlay = new StateOverlay(chain.State);

        SubnetLifecycle.Deregister(overlay, netuid, DeregistrationReason.ReplacedByProposal, chain.BestNumber, chain.Parameters);

        Assert.DoesNotContain(overlay.Changes, change => ModulePrefixes.Any(prefix => change.Key.AsSpan().StartsWith(prefix)));
    }

    private static string[] KeysOf(TestState state, ushort netuid) =>
        ModulePrefixes.SelectMany(prefix => state.WithPrefix(StateKey.With(prefix, netuid)).Select(e => Convert.ToHexString(e.Key))).Order(StringComparer.Ordinal).ToArray();
}
