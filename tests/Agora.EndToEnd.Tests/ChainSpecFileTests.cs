using Agora.EndToEnd.Tests.Harness;
using Agora.Node.Core;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.State;
using Agora.Storage.RocksDb;
using Agora.Testing.Chains;

namespace Agora.EndToEnd.Tests;

/// <summary><c>agora node --chain FILE</c>: a node whose chain is created from a chain spec file.</summary>
public sealed class ChainSpecFileTests
{
    [Fact]
    public async Task Node_started_with_a_chain_spec_file_creates_that_chain_with_its_staked_subnets_and_authors_it()
    {
        // Given a chain spec file: the dev chain plus three staked subnets owned by //Dave
        using var directory = new TempDirectory();
        var basePath = directory.Combine("node");
        var spec = StakedSubnets.Add(DevChainSpec.Create(NodeProcess.FastBlockTimeMs), 3, DevAccounts.Account("//Dave"));
        var specFile = directory.Combine("spec.json");
        await File.WriteAllTextAsync(specFile, ChainSpecJson.Write(spec));

        // When a node is started with --chain on an empty directory
        await using (var node = await NodeProcess.StartWithChainSpecAsync(basePath, specFile))
        using (var client = new NodeClient(node.RpcUrl))
        {
            // Then it serves that chain and authors blocks on it with the dev key of the spec's authority
            Assert.Equal(spec.Name, (await client.Rpc.CallAsync("system_chain", [])).GetString());
            await client.WaitForBlockAsync(3);
            Assert.Equal(0, await node.StopAsync());
        }

        // And its store holds the spec and the three subnets, each with its genesis stake and pending emission
        using var store = RocksDbStore.Open(Path.Combine(basePath, "chain"));
        var chain = ChainStore.Open(store) ?? throw new InvalidOperationException("the node left no chain");
        Assert.Equal(ChainSpecJson.Write(spec), ChainSpecJson.Write(chain.Spec));
        var subnets = SubnetState.Economies(new StateOverlay(chain.State)).Where(s => s.Netuid != SubnetState.RootNetuid).ToArray();
        Assert.Equal([1, 2, 3], subnets.Select(s => (int)s.Netuid));
        Assert.All(subnets, s => Assert.Equal(StakedSubnets.Stake(s.Netuid), s.Economy.TotalStake));
        Assert.All(subnets, s => Assert.True(s.Economy.PendingEmission.Value > 0, $"subnet {s.Netuid} has no pending emission after {chain.Best.Number} blocks"));
    }

    [Fact]
    public async Task Node_refuses_a_chain_spec_whose_authority_is_not_a_dev_account_naming_the_fix()
    {
        // Given a chain spec whose authority is an account the node has no key for
        using var directory = new TempDirectory();
        var spec = DevChainSpec.Create() with { Authority = DevAccounts.Account("//Stranger") };
        var specFile = directory.Combine("spec.json");
        await File.WriteAllTextAsync(specFile, ChainSpecJson.Write(spec));

        // When a node is started with it
        var result = await CliRunner.RunAsync(directory.Combine("home"), "node", "--chain", specFile, "--base-path", directory.Combine("node"), "--rpc-port", "0", "--metrics-port", "0");

        // Then it exits with an error that names the authority and what to set, and creates no chain
        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains(DevAccounts.Address("//Stranger"), result.Stderr, StringComparison.Ordinal);
        Assert.Contains("genesis.authority", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.Combine("node")), result.ToString());
    }
}
