using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.EndToEnd.Tests.Harness;
using Agora.Protocol.Balances;
using Agora.Sdk.Client;

namespace Agora.EndToEnd.Tests;

/// <summary>Stopping a node process with SIGTERM and starting it again on the same data directory.</summary>
public sealed class RestartTests
{
    private static readonly TimeSpan InclusionTimeMax = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Node_stopped_with_sigterm_reopens_where_it_stopped_with_the_same_genesis_and_balances()
    {
        using var directory = new TempDirectory();
        var basePath = directory.Combine("node");
        var bob = DevAccounts.Account("//Bob");
        var charlie = DevAccounts.Account("//Charlie");

        // Given a node that included Bob's transfer of 2 TAO to Charlie and built a few blocks on top
        TransactionInclusion inclusion;
        await using (var node = await NodeProcess.StartAsync(basePath))
        using (var client = new NodeClient(node.RpcUrl))
        {
            inclusion = await TransferAsync(client, "//Bob", charlie, Rao.FromTao(2));
            await client.WaitForBlockAsync(inclusion.BlockNumber + 2);

            // When it is stopped with SIGTERM
            await node.StopAsync();
        }

        var stopped = StoredChainReader.Read(basePath);
        Assert.Empty(stopped.Problems);

        // And started again on the same directory
        await using var restarted = await NodeProcess.StartAsync(basePath);
        using var again = new NodeClient(restarted.RpcUrl);

        // Then it serves the old chain (same genesis, same best block, the transfer still in its block) and extends it
        Assert.True(stopped.Best.Number >= inclusion.BlockNumber + 2, $"stored best {stopped.Best.Number}, transfer in {inclusion.BlockNumber}");
        Assert.Equal(stopped.GenesisHash, await again.GenesisAsync());
        Assert.Equal(stopped.Best.Hash, (await again.HeaderAtAsync(stopped.Best.Number)).Hash);
        var block = await again.Rpc.CallAsync("chain_getBlock", [inclusion.BlockHash.ToString()]);
        Assert.Contains(inclusion.TransactionHash.ToString(), block.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("hash").GetString()));
        await again.WaitForBlockAsync(stopped.Best.Number + 1);
        Assert.Equal(stopped.Best.Hash, (await again.HeaderAtAsync(stopped.Best.Number + 1)).ParentHash);

        // And the balances and nonces are those it stopped with
        var bobNow = await again.Chain.GetAccountAsync(bob);
        var charlieNow = await again.Chain.GetAccountAsync(charlie);
        Assert.Equal((stopped.Account(bob).Free, stopped.Account(bob).Nonce), (bobNow.Free, bobNow.Nonce));
        Assert.Equal((stopped.Account(charlie).Free, stopped.Account(charlie).Nonce), (charlieNow.Free, charlieNow.Nonce));
        Assert.Equal(1UL, bobNow.Nonce);
        Assert.Equal(DevAccounts.SenateGenesisFree + Rao.FromTao(2), charlieNow.Free);
    }

    [Fact]
    public async Task Node_stopped_with_sigterm_shuts_down_cleanly_and_exits_0()
    {
        // Given a running node
        using var directory = new TempDirectory();
        await using var node = await NodeProcess.StartAsync(directory.Combine("node"));

        // When it receives SIGTERM
        var exitCode = await node.StopAsync();

        // Then it closes its servers and store, logs that it stopped, and exits 0
        Assert.True(exitCode == 0 && node.Log.Contains("Stopped cleanly"), $"exit code {exitCode}; log:{Environment.NewLine}{node.Log}");
    }

    private static async Task<TransactionInclusion> TransferAsync(NodeClient client, string fromUri, AccountId to, Rao amount)
    {
        using var timeout = new CancellationTokenSource(InclusionTimeMax);
        using var sender = KeyPair.FromUri(fromUri);
        var transactions = new TransactionSender(client.Rpc, TimeProvider.System);
        var transaction = await transactions.SignAsync(sender, new TransferCall(to, amount), Rao.Zero, timeout.Token);
        await transactions.SubmitAsync(transaction, timeout.Token);
        return await transactions.WaitForInclusionAsync(transaction, timeout.Token);
    }
}
