using System.Text.Json;
using Agora.Core.FixedPoint;
using Agora.Core.Primitives;
using Agora.Node.Rpc;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Weights;
using ClientRpcException = Agora.Sdk.Client.RpcException;

namespace Agora.Node.Tests.Rpc;

/// <summary>The neuron read methods against a node whose subnet has genesis neurons and directly written epoch state.</summary>
public sealed class NeuronRpcTests : IAsyncLifetime
{
    // The smallest I32F32 above zero: its exact expansion has 32 fractional digits.
    private static readonly I32F32 Tiny = new(1);
    private static readonly I32F32 Half = new(1L << 31);

    private ChainRpcNode _node = null!;

    public async Task InitializeAsync() => _node = await ChainRpcNode.StartAsync(NeuronChain.Spec());

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private Task<JsonElement> Call(string method, params object?[] parameters) => _node.Rpc.CallAsync(method, parameters);

    [Fact]
    public async Task Given_genesis_neurons_then_the_metagraph_lists_them_by_uid_with_owner_stake_and_no_epoch_yet()
    {
        using var alice = ChainRpcNode.Dev("Alice");
        using var bob = ChainRpcNode.Dev("Bob");

        var metagraph = await Call("agora_getMetagraph", NeuronChain.Netuid);

        Assert.Equal(1, metagraph.GetProperty("netuid").GetInt32());
        Assert.Equal(0UL, metagraph.GetProperty("block").GetUInt64());
        var neurons = metagraph.GetProperty("neurons").EnumerateArray().ToArray();
        Assert.Equal([0, 1, 2], neurons.Select(n => n.GetProperty("uid").GetInt32()));
        Assert.Equal([NeuronChain.Hotkey(0).ToString(), NeuronChain.Hotkey(1).ToString(), NeuronChain.Hotkey(2).ToString()], neurons.Select(n => n.GetProperty("hotkey").GetString()));
        Assert.Equal([alice.Account.ToString(), bob.Account.ToString(), bob.Account.ToString()], neurons.Select(n => n.GetProperty("coldkey").GetString()));
        Assert.Equal(NeuronChain.Stakes.Select(s => s.Value), neurons.Select(n => n.GetProperty("stake").GetUInt64()));
        var first = neurons[0];
        Assert.Equal("0.0", first.GetProperty("rank").GetRawText());
        Assert.Equal("0.0", first.GetProperty("validator_trust").GetRawText());
        Assert.Equal(0UL, first.GetProperty("emission").GetUInt64());
        Assert.False(first.GetProperty("validator_permit").GetBoolean());
        Assert.True(first.GetProperty("active").GetBoolean());
        Assert.Equal(0UL, first.GetProperty("last_update").GetUInt64());
        Assert.Equal(0UL, first.GetProperty("block_at_registration").GetUInt64());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("axon").ValueKind);
        Assert.Equal(
            ["uid", "hotkey", "coldkey", "stake", "rank", "trust", "consensus", "incentive", "dividends", "emission", "validator_trust", "validator_permit", "active", "last_update", "block_at_registration", "axon"],
            first.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Given_epoch_outputs_then_proportions_are_the_exact_decimals_sim_epoch_prints_and_emission_and_permit_follow()
    {
        NeuronChain.Write(_node, state => EpochState.SetOutputs(state, NeuronChain.Netuid, 1,
            new NeuronOutputs(Half, Tiny, I32F32.One, Half, Tiny, Half, Rao.FromTao(3), true, 0)));

        var neuron = (await Call("agora_getMetagraph", NeuronChain.Netuid)).GetProperty("neurons")[1];

        // agora sim epoch renders each I32F32 with ToDecimalString; the chain must print the same text.
        Assert.Equal(Half.ToDecimalString(), neuron.GetProperty("rank").GetRawText());
        Assert.Equal("0.5", neuron.GetProperty("rank").GetRawText());
        Assert.Equal("0.00000000023283064365386962890625", neuron.GetProperty("trust").GetRawText());
        Assert.Equal("1.0", neuron.GetProperty("consensus").GetRawText());
        Assert.Equal(Tiny.ToDecimalString(), neuron.GetProperty("dividends").GetRawText());
        Assert.Equal("0.5", neuron.GetProperty("validator_trust").GetRawText());
        Assert.Equal(3UL * Rao.PerTao, neuron.GetProperty("emission").GetUInt64());
        Assert.True(neuron.GetProperty("validator_permit").GetBoolean());
    }

    [Fact]
    public async Task Given_an_axon_then_the_metagraph_and_getNeuron_show_ip_port_protocol_and_version()
    {
        NeuronChain.Write(_node, state =>
        {
            NeuronState.SetAxon(state, NeuronChain.Netuid, 0, new AxonInfo(new byte[] { 10, 0, 0, 7 }, 8091, 0, 3, 0));
            NeuronState.SetAxon(state, NeuronChain.Netuid, 2, new AxonInfo(new byte[] { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, 443, 0, 1, 0));
        });

        var neurons = (await Call("agora_getMetagraph", NeuronChain.Netuid)).GetProperty("neurons");
        var axon = (await Call("agora_getNeuron", NeuronChain.Netuid, 0)).GetProperty("axon");

        Assert.Equal("10.0.0.7", axon.GetProperty("ip").GetString());
        Assert.Equal(8091, axon.GetProperty("port").GetInt32());
        Assert.Equal(0, axon.GetProperty("protocol").GetInt32());
        Assert.Equal(3U, axon.GetProperty("version").GetUInt32());
        Assert.Equal("2001:db8::1", neurons[2].GetProperty("axon").GetProperty("ip").GetString());
        Assert.Equal(JsonValueKind.Null, neurons[1].GetProperty("axon").ValueKind);
    }

    [Fact]
    public async Task Given_weights_and_bonds_then_getNeuron_weights_and_bonds_list_the_non_empty_rows_as_uid_value_pairs()
    {
        NeuronChain.Write(_node, state =>
        {
            WeightsState.SetRow(state, NeuronChain.Netuid, 0, Row((1, 40_000), (2, 25_535)));
            WeightsState.SetRow(state, NeuronChain.Netuid, 2, Row((0, 65_535)));
            EpochState.SetBonds(state, NeuronChain.Netuid, 1, Row((0, 7), (2, 9)));
        });

        var neuron = await Call("agora_getNeuron", NeuronChain.Netuid, 0);
        var weights = await Call("agora_getWeights", NeuronChain.Netuid);
        var bonds = await Call("agora_getBonds", NeuronChain.Netuid);

        Assert.Equal("[[1,40000],[2,25535]]", neuron.GetProperty("weights").GetRawText());
        Assert.Equal(NeuronChain.Hotkey(0).ToString(), neuron.GetProperty("hotkey").GetString());
        Assert.Equal(1, weights.GetProperty("netuid").GetInt32());
        Assert.Equal(0UL, weights.GetProperty("block").GetUInt64());
        Assert.Equal("""[{"uid":0,"entries":[[1,40000],[2,25535]]},{"uid":2,"entries":[[0,65535]]}]""", weights.GetProperty("rows").GetRawText());
        Assert.Equal("""[{"uid":1,"entries":[[0,7],[2,9]]}]""", bonds.GetProperty("rows").GetRawText());
        Assert.Equal("[]", (await Call("agora_getNeuron", NeuronChain.Netuid, 1)).GetProperty("weights").GetRawText());
    }

    [Fact]
    public async Task Given_pending_commits_then_getCommits_gives_each_with_its_reveal_window_from_tempo_and_period()
    {
        var first = new Hash256(Enumerable.Repeat((byte)0xab, 32).ToArray());
        var second = new Hash256(Enumerable.Repeat((byte)0xcd, 32).ToArray());
        NeuronChain.Write(_node, state => WeightsState.SetCommits(state, NeuronChain.Netuid, NeuronChain.Hotkey(0),
            new PendingCommits([new WeightCommit(first, 5, 0), new WeightCommit(second, 25, 1)])));

        var commits = (await Call("agora_getCommits", NeuronChain.Netuid)).EnumerateArray().ToArray();

        // netuid 1, tempo 20, period 1: epoch index 1 is blocks 19–39, index 2 is blocks 40–60.
        Assert.Equal(2, commits.Length);
        Assert.Equal(NeuronChain.Hotkey(0).ToString(), commits[0].GetProperty("hotkey").GetString());
        Assert.Equal(first.ToString(), commits[0].GetProperty("hash").GetString());
        Assert.Equal(5UL, commits[0].GetProperty("commit_block").GetUInt64());
        Assert.Equal((19UL, 39UL), (commits[0].GetProperty("first_reveal_block").GetUInt64(), commits[0].GetProperty("last_reveal_block").GetUInt64()));
        Assert.Equal((40UL, 60UL), (commits[1].GetProperty("first_reveal_block").GetUInt64(), commits[1].GetProperty("last_reveal_block").GetUInt64()));
        Assert.Equal(0, (await Call("agora_getCommits", NeuronChain.EmptyNetuid)).GetArrayLength());
    }

    [Fact]
    public async Task Burn_is_the_start_burn_before_any_registration_and_the_stored_burn_after()
    {
        var before = await Call("agora_getBurn", NeuronChain.Netuid);
        NeuronChain.Write(_node, state => NeuronState.SetRegistration(state, NeuronChain.Netuid, new RegistrationState(Rao.FromTao(2), 1, 0, 1)));
        var after = await Call("agora_getBurn", NeuronChain.Netuid);

        Assert.Equal(1, before.GetProperty("netuid").GetInt32());
        Assert.Equal(_node.Core.Chain.Parameters.RegistrationBurnStart.Value, before.GetProperty("burn").GetUInt64());
        Assert.Equal(2UL * Rao.PerTao, after.GetProperty("burn").GetUInt64());
    }

    [Fact]
    public async Task Subnets_count_their_neurons_and_getHotkey_lists_registrations_with_last_emission()
    {
        NeuronChain.Write(_node, state => EpochState.SetOutputs(state, NeuronChain.Netuid, 0, NeuronOutputs.None with { Emission = new Rao(1234) }));

        var subnets = (await Call("agora_getSubnets")).EnumerateArray().ToArray();
        var subnet = await Call("agora_getSubnet", NeuronChain.Netuid);
        var hotkey = await Call("agora_getHotkey", NeuronChain.Hotkey(0).ToString());

        Assert.Equal([0, 3, 0], subnets.Select(s => s.GetProperty("neurons").GetInt32()));
        Assert.Equal(8UL, subnet.GetProperty("max_neurons").GetUInt64());
        Assert.Equal(3, subnet.GetProperty("neurons").GetInt32());
        Assert.Equal("""[{"netuid":1,"uid":0,"emission":1234}]""", hotkey.GetProperty("registrations").GetRawText());
    }

    [Fact]
    public async Task A_neuron_is_active_until_its_last_update_falls_more_than_activity_cutoff_blocks_behind()
    {
        for (var i = 0; i < 101; i++)
        {
            _node.Core.ProduceBlock();
        }

        NeuronChain.Write(_node, state => WeightsState.SetLastUpdate(state, NeuronChain.Netuid, 1, 1));

        var metagraph = await Call("agora_getMetagraph", NeuronChain.Netuid, 101);

        // activity_cutoff 100 at block 101: last update 0 is out, 1 is just in.
        Assert.Equal(101UL, metagraph.GetProperty("block").GetUInt64());
        Assert.Equal([false, true, false], metagraph.GetProperty("neurons").EnumerateArray().Select(n => n.GetProperty("active").GetBoolean()));
        Assert.Equal(1UL, metagraph.GetProperty("neurons")[1].GetProperty("last_update").GetUInt64());
    }

    [Fact]
    public void Metagraph_weights_and_bonds_are_heavy_and_the_small_reads_are_not()
    {
        using var document = JsonDocument.Parse("[1]");

        Assert.True(_node.Methods.IsHeavy("agora_getMetagraph", document.RootElement));
        Assert.True(_node.Methods.IsHeavy("agora_getWeights", document.RootElement));
        Assert.True(_node.Methods.IsHeavy("agora_getBonds", document.RootElement));
        Assert.False(_node.Methods.IsHeavy("agora_getNeuron", document.RootElement));
        Assert.False(_node.Methods.IsHeavy("agora_getBurn", document.RootElement));
        Assert.False(_node.Methods.IsHeavy("agora_getCommits", document.RootElement));
    }

    [Fact]
    public async Task Parameters_by_name_are_accepted()
    {
        var metagraph = await _node.PostJsonAsync("""{"jsonrpc":"2.0","id":1,"method":"agora_getMetagraph","params":{"netuid":1,"block":0}}""");
        var neuron = await _node.PostJsonAsync("""{"jsonrpc":"2.0","id":1,"method":"agora_getNeuron","params":{"uid":2,"netuid":1}}""");

        Assert.Equal(3, metagraph.GetProperty("result").GetProperty("neurons").GetArrayLength());
        Assert.Equal(2, neuron.GetProperty("result").GetProperty("uid").GetInt32());
    }

    [Theory]
    [InlineData("agora_getMetagraph", new object[] { 0 }, "root subnet, which has no neurons")]
    [InlineData("agora_getMetagraph", new object[] { 9 }, "no subnet has netuid 9")]
    [InlineData("agora_getMetagraph", new object[] { 70000 }, "70000 is not a netuid")]
    [InlineData("agora_getMetagraph", new object[] { 1, 5 }, "block 5's state is not available: the best block is 0")]
    [InlineData("agora_getMetagraph", new object[] { 1, "latest" }, "parameter 1 (block) must be a non-negative integer")]
    [InlineData("agora_getMetagraph", new object[] { 1, 0, 3 }, "takes at most 2 parameter(s), got 3")]
    [InlineData("agora_getMetagraph", new object[0], "parameter 0 (netuid) is missing")]
    [InlineData("agora_getWeights", new object[] { 1, 1 }, "block 1's state is not available: the best block is 0")]
    [InlineData("agora_getWeights", new object[] { 0 }, "root subnet")]
    [InlineData("agora_getBonds", new object[] { 9 }, "no subnet has netuid 9")]
    [InlineData("agora_getNeuron", new object[] { 1, 3 }, "uid: 3 is out of range; subnet 1 has 3 neurons (uids 0–2)")]
    [InlineData("agora_getNeuron", new object[] { 1, 70000 }, "uid: 70000 is out of range")]
    [InlineData("agora_getNeuron", new object[] { 2, 0 }, "subnet 2 has no neurons yet")]
    [InlineData("agora_getNeuron", new object[] { 1 }, "parameter 1 (uid) is missing")]
    [InlineData("agora_getNeuron", new object[] { 0, 0 }, "root subnet")]
    [InlineData("agora_getCommits", new object[] { 0 }, "root subnet")]
    [InlineData("agora_getCommits", new object[] { 1, 2 }, "takes at most 1 parameter(s)")]
    [InlineData("agora_getBurn", new object[] { 9 }, "no subnet has netuid 9")]
    [InlineData("agora_getBurn", new object[] { 0 }, "root subnet")]
    public async Task Given_bad_params_then_the_error_is_invalid_params_naming_what_is_wrong(string method, object[] parameters, string expected)
    {
        var error = await Assert.ThrowsAsync<ClientRpcException>(() => Call(method, parameters));

        Assert.Equal(RpcErrorCodes.InvalidParams, error.Code);
        Assert.Contains(expected, error.RpcMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("agora_getMetagraph", """{"netuid":1,"blok":0}""", "unknown parameter \"blok\"; it takes \"netuid\", \"block\"")]
    [InlineData("agora_getNeuron", """{"netuid":1,"id":0}""", "unknown parameter \"id\"; it takes \"netuid\", \"uid\"")]
    [InlineData("agora_getBurn", """{"netuid":1,"block":0}""", "unknown parameter \"block\"; it takes \"netuid\"")]
    public async Task Given_an_unknown_parameter_name_then_the_error_lists_the_known_ones(string method, string parameters, string expected)
    {
        var response = await _node.PostJsonAsync($$"""{"jsonrpc":"2.0","id":1,"method":"{{method}}","params":{{parameters}}}""");

        Assert.Equal(RpcErrorCodes.InvalidParams, response.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains(expected, response.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_later_best_block_then_an_earlier_block_is_read_from_its_state_root_and_a_later_one_is_refused()
    {
        _node.Core.ProduceBlock();
        _node.Core.ProduceBlock();

        var past = await Call("agora_getMetagraph", NeuronChain.Netuid, 1);
        var best = await Call("agora_getMetagraph", NeuronChain.Netuid, 2);
        var error = await Assert.ThrowsAsync<ClientRpcException>(() => Call("agora_getMetagraph", NeuronChain.Netuid, 3));

        Assert.Equal(1UL, past.GetProperty("block").GetUInt64());
        Assert.Equal(2UL, best.GetProperty("block").GetUInt64());
        Assert.Equal(best.GetProperty("neurons").GetRawText(), past.GetProperty("neurons").GetRawText());
        Assert.Contains("block 3's state is not available: the best block is 2", error.RpcMessage, StringComparison.Ordinal);
    }

    private static SparseU16Row Row(params (ushort Uid, ushort Value)[] entries) => new([.. entries]);
}
