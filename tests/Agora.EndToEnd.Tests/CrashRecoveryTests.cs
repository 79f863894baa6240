using System.Globalization;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace Agora.EndToEnd.Tests;

/// <summary>
/// kill -9 while transfers pour in and blocks are produced, at a different moment each time, then the data
/// directory is checked directly and the node is started on it again.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    /// <summary>Set to replay the same kill moments.</summary>
    public const string SeedVariable = "AGORA_E2E_SEED";

    /// <summary>
    /// Windows, in milliseconds after a burst starts, in which each kill lands: early, mid and late in a burst
    /// of <see cref="TransferBurst.TransactionCount"/> transfers that takes roughly 1-2 s.
    /// </summary>
    private static readonly (int FromMs, int ToMs)[] KillWindows = [(50, 400), (400, 900), (900, 1600)];

    private static readonly string[] SenderUris = ["//Bob", "//Charlie", "//Dave", "//Eve", "//Ferdie"];

    [Fact]
    public async Task Node_killed_mid_burst_leaves_a_consistent_chain_and_resumes_on_top_of_it()
    {
        var seed = Environment.GetEnvironmentVariable(SeedVariable) is { } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : Environment.TickCount & int.MaxValue;
        output.WriteLine($"seed {seed} (set {SeedVariable}={seed} to replay these kill moments)");
        var random = new Random(seed);
        using var directory = new TempDirectory();
        var basePath = directory.Combine("node");
        var senders = SenderUris.Select(KeyPair.FromUri).ToList();
        var sink = DevAccounts.Account("//E2E-Sink");
        try
        {
            StoredChain? previous = null;
            foreach (var (fromMs, toMs) in KillWindows)
            {
                // Given a node on the directory, resumed on top of the last crash
                await using var node = await NodeProcess.StartAsync(basePath);
                using var client = new NodeClient(node.RpcUrl);
                if (previous is not null)
                {
                    await AssertResumesOnAsync(client, previous);
                }

                // When a burst of transfers from five senders is cut short by kill -9
                var burst = new TransferBurst(client, senders, sink);
                var transactions = await burst.SignAsync();
                var killAfter = TimeSpan.FromMilliseconds(random.Next(fromMs, toMs));
                var submitting = burst.SubmitAsync(transactions);
                await Task.Delay(killAfter);
                await node.KillAsync();
                var outcome = await submitting;
                output.WriteLine($"killed {killAfter.TotalMilliseconds} ms into the burst: {outcome}");

                // Then the directory holds a consistent chain that did not go back
                var stored = StoredChainReader.Read(basePath);
                output.WriteLine($"stored best block {stored.Best.Number}, {stored.IncludedTransactionsBySender.Values.Sum()} transfers included so far");
                AssertConsistent(stored, senders.Select(s => s.Account).ToList(), sink, $"seed {seed}, kill at {killAfter.TotalMilliseconds} ms");
                if (previous is not null)
                {
                    Assert.Equal(previous.GenesisHash, stored.GenesisHash);
                    Assert.True(stored.Best.Number > previous.Best.Number, $"best block {stored.Best.Number} after the restart, {previous.Best.Number} before");
                }

                previous = stored;
            }

            // And a last restart builds on the last stored block, serving the balances and nonces it stored
            await using var last = await NodeProcess.StartAsync(basePath);
            using var lastClient = new NodeClient(last.RpcUrl);
            await AssertResumesOnAsync(lastClient, previous!);
            await AssertServesStoredAccountsAsync(lastClient, previous!, [.. senders.Select(s => s.Account), sink]);
            Assert.True(previous!.IncludedTransactionsBySender.Values.Sum() > 0, $"no transfer was ever included (seed {seed}); the bursts tested nothing");
        }
        finally
        {
            senders.ForEach(s => s.Dispose());
        }
    }

    private static void AssertConsistent(StoredChain stored, IReadOnlyList<AccountId> senders, AccountId sink, string context)
    {
        Assert.True(stored.Problems.Count == 0, $"{context}: {string.Join(Environment.NewLine, stored.Problems)}");
        Assert.Equal(stored.Best.StateRoot, stored.StateRoot);

        // Every included transfer bumped its sender's nonce and credited the sink; no half-applied block.
        foreach (var sender in senders)
        {
            Assert.True((ulong)stored.IncludedFrom(sender) == stored.Account(sender).Nonce,
                $"{context}: {sender} has {stored.IncludedFrom(sender)} transfers in blocks but nonce {stored.Account(sender).Nonce}");
        }

        var included = (ulong)stored.IncludedTransactionsBySender.Values.Sum();
        Assert.Equal(included * TransferBurst.Amount.Value, stored.Account(sink).Free.Value);

        // Issuance: every rao minted and not burned is in an account or waiting as pending emission.
        Assert.True(stored.AccountBalanceSum + stored.PendingEmission == stored.TotalIssuance,
            $"{context}: accounts hold {stored.AccountBalanceSum} + pending emission {stored.PendingEmission}, total issuance is {stored.TotalIssuance}");
    }

    private static async Task AssertResumesOnAsync(NodeClient client, StoredChain stored)
    {
        Assert.Equal(stored.GenesisHash, await client.GenesisAsync());
        Assert.Equal(stored.Best.Hash, (await client.HeaderAtAsync(stored.Best.Number)).Hash);
        await client.WaitForBlockAsync(stored.Best.Number + 1);
        Assert.Equal(stored.Best.Hash, (await client.HeaderAtAsync(stored.Best.Number + 1)).ParentHash);
    }

    private static async Task AssertServesStoredAccountsAsync(NodeClient client, StoredChain stored, IReadOnlyList<AccountId> accounts)
    {
        foreach (var account in accounts)
        {
            var served = await client.Chain.GetAccountAsync(account);
            Assert.Equal((stored.Account(account).Free, stored.Account(account).Nonce), (served.Free, served.Nonce));
        }

        // No transfer runs after the restart, so what was minted since is exactly the new pending emission.
        var issuance = await client.Rpc.CallAsync("agora_getIssuance");
        var totalIssuance = issuance.GetProperty("total_issuance").GetUInt64();
        var pendingEmission = issuance.GetProperty("pending_emission").GetUInt64();
        Assert.Equal(stored.AccountBalanceSum, totalIssuance - pendingEmission);
    }
}
