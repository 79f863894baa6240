using System.Text.Json;
using System.Text.Json.Nodes;
using Agora.EndToEnd.Tests.Harness;

namespace Agora.EndToEnd.Tests;

/// <summary>
/// A subnet as a working market, through the CLI on a dev node of its own: the senate launches it, two validators
/// and three miners register, validators are staked (one with a nominator), earn permits, commit and reveal weights;
/// the epoch after the reveals pays exactly what <c>agora sim epoch</c> computes from the inputs read at the block
/// before it, a nominator receives its share after take, and a full subnet replaces its lowest-scoring neuron with an
/// explanation.
/// </summary>
public sealed class CliNeuronTests(DevNodeFixture fixture) : IClassFixture<DevNodeFixture>
{
    private const ushort Netuid = 1;
    private const string Validator1 = "//Dave//validator";
    private const string Validator2 = "//Eve//validator";
    private static readonly string[] Miners = ["//Ferdie//miner1", "//Ferdie//miner2", "//Ferdie//miner3"];
    private static readonly string[] LateMiners = ["//Ferdie//miner4", "//Ferdie//miner5", "//Ferdie//miner6"];
    private static readonly TimeSpan WaitMax = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Registered_neurons_commit_reveal_the_next_epoch_pays_what_sim_epoch_computes_and_a_full_subnet_replaces_its_lowest()
    {
        // Given a launched subnet with 2 validators and 3 miners, the validators staked (Bob nominates validator 1)
        await LaunchSubnetAsync();
        await RegisterAsync("//Dave", Validator1);
        await RegisterAsync("//Eve", Validator2);
        foreach (var miner in Miners)
        {
            await RegisterAsync("//Ferdie", miner);
        }

        // And a miner announces its axon (loopback is allowed on a dev chain), which the metagraph shows
        await SignAsync("axon", "serve", "--uri", Miners[0], "--netuid", $"{Netuid}", "--ip", "127.0.0.1", "--port", "8091");
        var axon = (await MetagraphAsync()).Single(n => n.GetProperty("hotkey").GetString() == DevAccounts.Address(Miners[0])).GetProperty("axon");
        Assert.Equal(("127.0.0.1", 8091), (axon.GetProperty("ip").GetString(), axon.GetProperty("port").GetInt32()));

        await SignAsync("stake", "add", "--uri", "//Dave", "--hotkey-ss58", DevAccounts.Address(Validator1), "--netuid", $"{Netuid}", "--amount", "1000");
        await SignAsync("stake", "add", "--uri", "//Eve", "--hotkey-ss58", DevAccounts.Address(Validator2), "--netuid", $"{Netuid}", "--amount", "600");
        await SignAsync("stake", "add", "--uri", "//Bob", "--hotkey-ss58", DevAccounts.Address(Validator1), "--netuid", $"{Netuid}", "--amount", "250");

        // When their first epoch gives them permits
        await WaitUntilAsync(async () => (await MetagraphAsync()).Count(n => n.GetProperty("validator_permit").GetBoolean()) == 2, "two validator permits");
        var metagraph = await MetagraphAsync();
        var uidOf = metagraph.ToDictionary(n => n.GetProperty("hotkey").GetString()!, n => n.GetProperty("uid").GetInt32());
        var minerUids = string.Join(',', Miners.Select(m => uidOf[DevAccounts.Address(m)]));

        // And direct weights are refused while commit-reveal is on, with the module's error
        var direct = await CliRunner.RunAsync(fixture.CliHome, "weights", "set", "--uri", Validator1, "--netuid", $"{Netuid}", "--uids", minerUids,
            "--weights", "1,1,1", "-y", "--json", "--rpc", fixture.Node.RpcUrl.ToString());
        Assert.True(direct.ExitCode != 0, direct.ToString());
        Assert.Contains("weights.commit_reveal_enabled", direct.Stderr, StringComparison.Ordinal);

        // And they commit weights on the three miners, then reveal them in the reveal window
        await SignAsync("weights", "commit", "--uri", Validator1, "--netuid", $"{Netuid}", "--uids", minerUids, "--weights", "0.5,0.3,0.2");
        await SignAsync("weights", "commit", "--uri", Validator2, "--netuid", $"{Netuid}", "--uids", minerUids, "--weights", "0.4,0.4,0.2");
        var reveal1 = await SignAsync("weights", "reveal", "--uri", Validator1, "--netuid", $"{Netuid}", "--wait");
        var reveal2 = await SignAsync("weights", "reveal", "--uri", Validator2, "--netuid", $"{Netuid}", "--wait");
        var revealedAt = Math.Max(reveal1.GetProperty("block").GetUInt64(), reveal2.GetProperty("block").GetUInt64());

        // Then the epoch after the reveals pays what `sim epoch` computes from the block before it
        var tempo = (await JsonAsync("subnets", "hyperparameters", $"{Netuid}")).GetProperty("tempo").GetUInt64();
        var epochBlock = NextEpochBlock(revealedAt + 1, tempo);
        var bobBefore = await BobStakeBetweenAsync(epochBlock - tempo - 1, epochBlock - 1);
        await WaitForBlockAsync(epochBlock);
        var bobStake = await BobStakeBetweenAsync(epochBlock, epochBlock + tempo);
        var before = await JsonAsync("metagraph", "show", $"{Netuid}", "--block", $"{epochBlock - 1}");
        var after = await JsonAsync("metagraph", "show", $"{Netuid}", "--block", $"{epochBlock}");
        var epochRun = await EpochRunAsync(epochBlock);
        var simulated = await SimulateAsync(before, epochBlock, tempo, epochRun);
        var neuronsAfter = after.GetProperty("neurons").EnumerateArray().ToArray();
        foreach (var field in new[] { "incentive", "dividends" })
        {
            Assert.Equal(simulated.GetProperty(field).EnumerateArray().Select(v => v.GetDecimal()), neuronsAfter.Select(n => n.GetProperty(field).GetDecimal()));
        }

        Assert.Equal(simulated.GetProperty("emission").EnumerateArray().Select(v => v.GetUInt64()), neuronsAfter.Select(n => n.GetProperty("emission").GetUInt64()));
        Assert.True(neuronsAfter.Where(n => Miners.Select(DevAccounts.Address).Contains(n.GetProperty("hotkey").GetString())).All(n => n.GetProperty("incentive").GetDecimal() > 0));

        // And Bob, nominating validator 1, received his pro-rata share of its validator emission after its take
        var validator1 = neuronsAfter.Single(n => n.GetProperty("hotkey").GetString() == DevAccounts.Address(Validator1));
        var validatorEmission = simulated.GetProperty("validator_emission")[validator1.GetProperty("uid").GetInt32()].GetUInt64();
        var take = (ulong)decimal.Round((await JsonAsync("delegates", "list")).EnumerateArray()
            .Single(d => d.GetProperty("hotkey").GetString() == DevAccounts.Address(Validator1)).GetProperty("take").GetDecimal() * 65_535m);
        var poolBefore = before.GetProperty("neurons").EnumerateArray().Single(n => n.GetProperty("hotkey").GetString() == DevAccounts.Address(Validator1)).GetProperty("stake").GetUInt64();
        var rest = validatorEmission - (ulong)((UInt128)validatorEmission * take / 65_535);
        var expectedBob = bobBefore + (ulong)((UInt128)rest * bobBefore / poolBefore);
        Assert.Equal(expectedBob, bobStake);

        // When the subnet is made full (8 uids, no immunity) and one more hotkey registers
        await SignAsync("subnets", "set-hyperparameter", "--uri", "//Alice", "--netuid", $"{Netuid}", "--name", "immunity_period", "--value", "0");
        await SignAsync("subnets", "set-hyperparameter", "--uri", "//Alice", "--netuid", $"{Netuid}", "--name", "max_allowed_uids", "--value", "8");
        foreach (var miner in LateMiners)
        {
            await RegisterAsync("//Ferdie", miner);
        }

        var full = await MetagraphAsync();
        var lowest = full.OrderBy(n => n.GetProperty("emission").GetUInt64()).ThenBy(n => n.GetProperty("block_at_registration").GetUInt64())
            .ThenBy(n => n.GetProperty("uid").GetInt32()).First();
        var registered = await RegisterAsync("//Ferdie", "//Ferdie//newcomer");

        // Then it takes the uid of the lowest pruning score, and `subnets deregistrations` explains the replacement
        Assert.Equal(8, full.Length);
        Assert.Equal(lowest.GetProperty("uid").GetInt32(), registered.GetProperty("uid").GetInt32());
        Assert.Equal(lowest.GetProperty("hotkey").GetString(), registered.GetProperty("replaced_hotkey").GetString());
        var explained = (await JsonAsync("subnets", "deregistrations", $"{Netuid}")).EnumerateArray().ToArray();
        var replacement = Assert.Single(explained);
        Assert.Equal("neuron_replaced", replacement.GetProperty("name").GetString());
        Assert.Equal(lowest.GetProperty("uid").GetInt32(), replacement.GetProperty("uid").GetInt32());
        Assert.Equal(lowest.GetProperty("hotkey").GetString(), replacement.GetProperty("old_hotkey").GetString());
        Assert.Equal(DevAccounts.Address("//Ferdie//newcomer"), replacement.GetProperty("new_hotkey").GetString());
        Assert.Equal(lowest.GetProperty("emission").GetUInt64(), replacement.GetProperty("pruning_score").GetUInt64());
        Assert.Equal(1, replacement.GetProperty("pruning_rank").GetInt32());
        Assert.Equal(8, replacement.GetProperty("non_immune_count").GetInt32());
        Assert.Equal(0, replacement.GetProperty("immune_count").GetInt32());

        // And swapping the newcomer's hotkey keeps its uid under the new hotkey
        await SignAsync("wallet", "swap-hotkey", "--uri", "//Ferdie", "--hotkey-ss58", DevAccounts.Address("//Ferdie//newcomer"), "--new-hotkey-uri", "//Ferdie//renamed");
        var swapped = (await MetagraphAsync()).Single(n => n.GetProperty("uid").GetInt32() == registered.GetProperty("uid").GetInt32());
        Assert.Equal(DevAccounts.Address("//Ferdie//renamed"), swapped.GetProperty("hotkey").GetString());
        Assert.Equal(DevAccounts.Address("//Ferdie"), swapped.GetProperty("coldkey").GetString());
    }

    /// <summary>
    /// Bob's stake on the subnet as of a block in [<paramref name="first"/>, <paramref name="last"/>], where it cannot
    /// change (no epoch of the subnet in between): read over RPC between two best-block reads that both fall in the range.
    /// </summary>
    private async Task<ulong> BobStakeBetweenAsync(ulong first, ulong last)
    {
        var before = (await fixture.Client.BestAsync()).Number;
        var positions = await fixture.Client.Chain.GetStakeAsync(DevAccounts.Account("//Bob"));
        var after = (await fixture.Client.BestAsync()).Number;
        Assert.True(before >= first && after <= last, $"Bob's stake was read between blocks {before} and {after}, outside [{first}, {last}] where it is fixed");
        return positions.Single(p => p.Netuid == Netuid).Stake.Value;
    }

    private async Task LaunchSubnetAsync()
    {
        var proposal = await SignAsync("subnets", "propose", "--uri", "//Alice", "--name", "market", "--description", "a test market");
        var id = proposal.GetProperty("proposal_id").GetUInt64();
        await SignAsync("subnets", "vote", "--uri", "//Alice", "--proposal", $"{id}", "--approve");
        var approved = await SignAsync("subnets", "vote", "--uri", "//Charlie", "--proposal", $"{id}", "--approve");
        Assert.Equal(Netuid, approved.GetProperty("netuid").GetUInt16());
    }

    private async Task<JsonElement> RegisterAsync(string coldkey, string hotkey) =>
        await SignAsync("subnets", "register", "--netuid", $"{Netuid}", "--uri", coldkey, "--hotkey-uri", hotkey);

    private async Task<JsonElement[]> MetagraphAsync() =>
        (await JsonAsync("metagraph", "show", $"{Netuid}")).GetProperty("neurons").EnumerateArray().ToArray();

    /// <summary>The inputs of the epoch at <paramref name="epochBlock"/>, read at the block before it, through `sim epoch`.</summary>
    private async Task<JsonElement> SimulateAsync(JsonElement before, ulong epochBlock, ulong tempo, JsonElement epochRun)
    {
        var hyperparameters = await JsonAsync("subnets", "hyperparameters", $"{Netuid}");
        var neurons = before.GetProperty("neurons").EnumerateArray().ToArray();
        var weights = await MatrixAsync("agora_getWeights", epochBlock - 1, neurons.Length);
        var bonds = await MatrixAsync("agora_getBonds", epochBlock - 1, neurons.Length);
        var input = new JsonObject
        {
            ["current_block"] = epochBlock,
            ["tempo"] = tempo,
            ["last_epoch_block"] = epochBlock - tempo - 1,
            ["activity_cutoff"] = hyperparameters.GetProperty("activity_cutoff").GetUInt64(),
            ["kappa"] = hyperparameters.GetProperty("kappa").GetUInt64(),
            ["bonds_penalty"] = hyperparameters.GetProperty("bonds_penalty").GetUInt64(),
            ["bonds_moving_average"] = hyperparameters.GetProperty("bonds_moving_average").GetUInt64(),
            ["max_allowed_validators"] = hyperparameters.GetProperty("max_allowed_validators").GetUInt64(),
            ["emission"] = epochRun.GetProperty("emission").GetUInt64() - epochRun.GetProperty("owner_cut").GetUInt64(),
            ["neurons"] = new JsonArray([.. neurons.Select(n => (JsonNode)new JsonObject
            {
                ["stake"] = n.GetProperty("stake").GetUInt64(),
                ["last_update"] = n.GetProperty("last_update").GetUInt64(),
                ["block_at_registration"] = n.GetProperty("block_at_registration").GetUInt64(),
                ["validator_permit"] = n.GetProperty("validator_permit").GetBoolean(),
            })]),
            ["weights"] = weights,
            ["bonds"] = bonds,
        };
        var result = await CliRunner.RunWithInputAsync(fixture.CliHome, input.ToJsonString(), "sim", "epoch", "--input", "-");
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Json();
    }

    private async Task<JsonArray> MatrixAsync(string method, ulong block, int size)
    {
        var dense = new ushort[size, size];
        var result = await fixture.Client.Rpc.CallAsync(method, [Netuid, block]);
        foreach (var row in result.GetProperty("rows").EnumerateArray())
        {
            foreach (var entry in row.GetProperty("entries").EnumerateArray())
            {
                dense[row.GetProperty("uid").GetInt32(), entry[0].GetInt32()] = entry[1].GetUInt16();
            }
        }

        return new JsonArray([.. Enumerable.Range(0, size).Select(i => (JsonNode)new JsonArray([.. Enumerable.Range(0, size).Select(j => (JsonNode)dense[i, j])]))]);
    }

    private async Task<JsonElement> EpochRunAsync(ulong block)
    {
        var hash = await fixture.Client.Chain.GetBlockHashAsync(block) ?? throw new InvalidOperationException($"no block {block}");
        var json = await fixture.Client.Rpc.CallAsync("chain_getBlock", [hash.ToString()]);
        return json.GetProperty("events").EnumerateArray()
            .Single(e => e.GetProperty("name").GetString() == "epoch_run" && e.GetProperty("netuid").GetInt32() == Netuid);
    }

    private static ulong NextEpochBlock(ulong from, ulong tempo)
    {
        var block = from;
        while ((block + Netuid + 1) % (tempo + 1) != 0)
        {
            block++;
        }

        return block;
    }

    private async Task WaitForBlockAsync(ulong number) =>
        await WaitUntilAsync(async () => (await fixture.Client.BestAsync()).Number >= number, $"block {number}");

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + WaitMax;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private async Task<JsonElement> SignAsync(params string[] arguments) => await JsonAsync([.. arguments, "-y"]);

    private async Task<JsonElement> JsonAsync(params string[] arguments)
    {
        var result = await CliRunner.RunAsync(fixture.CliHome, [.. arguments, "--json", "--rpc", fixture.Node.RpcUrl.ToString()]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Json();
    }
}
