using System.Text.Json.Nodes;
using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Node.Tests.Rpc;
using Agora.Runtime.Genesis;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Node.Tests.Core;

/// <summary>Genesis subnets with hyperparameter overrides and neurons registered at block 0.</summary>
public sealed class GenesisNeuronsTests
{
    [Fact]
    public void Genesis_neurons_hold_uids_from_zero_owned_and_staked_out_of_their_coldkeys_balance()
    {
        var spec = NeuronChain.Spec();
        using var alice = DevChainSpec.DevKey("Alice");
        using var bob = DevChainSpec.DevKey("Bob");

        var state = Build(spec);

        Assert.Equal((ushort)3, NeuronState.Count(state, NeuronChain.Netuid));
        Assert.Equal((ushort)0, NeuronState.Count(state, NeuronChain.EmptyNetuid));
        Assert.Equal(8UL, SubnetState.HyperparametersOf(state, NeuronChain.Netuid)!.MaxAllowedUids);
        Assert.Equal(spec.Parameters.SubnetDefaults, SubnetState.HyperparametersOf(state, NeuronChain.EmptyNetuid));
        for (ushort uid = 0; uid < 3; uid++)
        {
            var hotkey = NeuronChain.Hotkey(uid);
            Assert.Equal(new NeuronInfo(hotkey, 0), NeuronState.Neuron(state, NeuronChain.Netuid, uid));
            Assert.Equal(uid, NeuronState.UidOf(state, NeuronChain.Netuid, hotkey));
            Assert.Equal([(NeuronChain.Netuid, uid)], NeuronState.RegistrationsOf(state, hotkey));
            Assert.Equal(0UL, WeightsState.LastUpdate(state, NeuronChain.Netuid, uid));
            Assert.Equal(NeuronChain.Stakes[uid], StakingState.HotkeyStakeOn(state, hotkey, NeuronChain.Netuid));
            Assert.Null(NeuronState.Axon(state, NeuronChain.Netuid, uid));
        }

        Assert.Equal(alice.Account, StakingState.Hotkey(state, NeuronChain.Hotkey(0))!.Owner);
        Assert.Equal(bob.Account, StakingState.Hotkey(state, NeuronChain.Hotkey(2))!.Owner);
        Assert.Equal(DevChainSpec.AccountBalance - Rao.FromTao(500), state.GetAccount(bob.Account).Free + Senate(bob.Account, spec));
        Assert.Equal(spec.Balances.Aggregate(Rao.Zero, (sum, b) => sum + b.Free).Value, state.ReadU64(StateKeys.TotalIssuance));
    }

    [Fact]
    public void More_genesis_neurons_than_max_allowed_uids_are_refused()
    {
        var spec = NeuronChain.Spec();
        var alpha = spec.Subnets[0];
        var nine = Enumerable.Range(0, 9).Select(i => new GenesisNeuron(NeuronChain.Hotkey(i), alpha.Owner, Rao.Zero)).ToArray();

        var error = Assert.Throws<ArgumentException>(() => GenesisBuilder.BuildState(spec with { Subnets = [alpha with { Neurons = nine }] }));

        Assert.Contains("9 neurons on netuid 1, above its max_allowed_uids 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hotkey_registered_twice_on_one_subnet_at_genesis_is_refused()
    {
        var spec = NeuronChain.Spec();
        var alpha = spec.Subnets[0];
        var twice = new GenesisNeuron(NeuronChain.Hotkey(0), alpha.Owner, Rao.Zero);

        var error = Assert.Throws<ArgumentException>(() => GenesisBuilder.BuildState(spec with { Subnets = [alpha with { Neurons = [twice, twice] }] }));

        Assert.Contains("twice on netuid 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_genesis_neuron_whose_hotkey_another_coldkey_owns_is_refused()
    {
        var spec = NeuronChain.Spec();
        var alpha = spec.Subnets[0];
        using var bob = DevChainSpec.DevKey("Bob");
        var neurons = new[] { new GenesisNeuron(NeuronChain.Hotkey(0), alpha.Owner, Rao.Zero), new GenesisNeuron(NeuronChain.Hotkey(0), bob.Account, Rao.Zero) };
        var second = new GenesisSubnet("beta", alpha.Owner, alpha.Owner) { Neurons = [neurons[1]] };

        var error = Assert.Throws<ArgumentException>(() => GenesisBuilder.BuildState(spec with { Subnets = [alpha with { Neurons = [neurons[0]] }, second] }));

        Assert.Contains("two owners", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Genesis_subnet_overrides_and_neurons_round_trip_through_the_chain_spec_json()
    {
        var spec = NeuronChain.Spec();

        var json = ChainSpecJson.Write(spec);
        var read = ChainSpecJson.Read(json);

        Assert.Equal(spec.Subnets.Select(s => s.Hyperparameters), read.Subnets.Select(s => s.Hyperparameters));
        Assert.Equal(spec.Subnets[0].Neurons, read.Subnets[0].Neurons);
        Assert.Empty(read.Subnets[1].Neurons);
        Assert.Equal(Hex(GenesisBuilder.BuildState(spec)), Hex(GenesisBuilder.BuildState(read)));
        var empty = JsonNode.Parse(json)!["genesis"]!["subnets"]![1]!.AsObject();
        Assert.False(empty.ContainsKey("neurons") || empty.ContainsKey("hyperparameters"), "a subnet without overrides or neurons keeps the old spec text");
    }

    [Fact]
    public void Genesis_overrides_apply_over_the_chain_defaults_and_a_neuron_without_stake_is_allowed()
    {
        var json = SpecJsonWithAlpha("""{"max_allowed_uids":4096}""", """[{"hotkey":"5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu","coldkey":"5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu"}]""");

        var read = ChainSpecJson.Read(json);

        var values = read.Subnets[0].Hyperparameters!;
        Assert.Equal(4096UL, values.MaxAllowedUids);
        Assert.Equal(read.Parameters.SubnetDefaults.Tempo, values.Tempo);
        Assert.Equal(Rao.Zero, Assert.Single(read.Subnets[0].Neurons).Stake);
    }

    [Theory]
    [InlineData("""{"max_alowed_uids":64}""", "genesis.subnets[0].hyperparameters.max_alowed_uids is not a hyperparameter")]
    [InlineData("""{"max_allowed_uids":5000}""", "genesis.subnets[0].hyperparameters.max_allowed_uids = 5000 is outside")]
    [InlineData("""[64]""", "genesis.subnets[0].hyperparameters must be an object")]
    public void Bad_genesis_overrides_are_refused_naming_the_field(string overrides, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ChainSpecJson.Read(SpecJsonWithAlpha(overrides, "[]")));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_genesis_neuron_with_a_bad_hotkey_names_the_field()
    {
        var error = Assert.Throws<FormatException>(() => ChainSpecJson.Read(SpecJsonWithAlpha("{}", """[{"hotkey":"nope","coldkey":"nope"}]""")));

        Assert.Contains("genesis.subnets[0].neurons[0].hotkey", error.Message, StringComparison.Ordinal);
    }

    private static string SpecJsonWithAlpha(string hyperparameters, string neurons)
    {
        var root = JsonNode.Parse(ChainSpecJson.Write(DevChainSpec.Create()))!;
        var alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
        root["genesis"]!["subnets"] = JsonNode.Parse($$"""[{"name":"alpha","owner":"{{alice}}","owner_hotkey":"{{alice}}","hyperparameters":{{hyperparameters}},"neurons":{{neurons}}}]""");
        return root.ToJsonString();
    }

    private static string[] Hex(IReadOnlyList<StateChange> changes) =>
        [.. changes.Select(c => $"{Convert.ToHexString(c.Key)}={(c.Value is null ? "-" : Convert.ToHexString(c.Value))}")];

    // Bob's dev senate stake also left his balance at genesis.
    private static Rao Senate(AccountId account, ChainSpec spec) => spec.Stakes.Where(s => s.Coldkey == account).Aggregate(Rao.Zero, (sum, s) => sum + s.Amount);

    private static StateOverlay Build(ChainSpec spec)
    {
        var state = new StateOverlay(EmptyState.Instance);
        foreach (var change in GenesisBuilder.BuildState(spec))
        {
            state.Set(change.Key, change.Value!);
        }

        return state;
    }
}
