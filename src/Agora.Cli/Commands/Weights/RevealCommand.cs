using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Core.Primitives;
using Agora.Protocol.Weights;

namespace Agora.Cli.Commands.Weights;

/// <summary>
/// <c>agora weights reveal --netuid N</c>: reveals the oldest locally kept commit whose reveal window (from
/// <c>agora_getCommits</c>) is open; with <c>--wait</c> it waits for the window to open. Commits the chain no longer
/// holds (expired or revealed) are dropped from the local file.
/// </summary>
internal static class RevealCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Hotkey);
        var netuid = NetuidOption.Create("--netuid", "Subnet whose committed weights to reveal");
        var wait = new Option<bool>("--wait") { Description = "Wait until the reveal window of the oldest commit opens" };
        var command = new Command("reveal", "Reveal committed weights (kept locally by `agora weights commit`) in their reveal window") { netuid, wait };
        signer.AddTo(command);
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var subnet = context.ParseResult.GetValue(netuid);
            using var pair = signer.Open(context);
            using var node = new NodeConnection(context.Network);
            var genesis = await node.Chain.GetBlockHashAsync(0, cancellationToken) ?? throw new CliException("the node has no genesis block");
            var store = new WeightCommitStore(context.Home, genesis, pair.Account, subnet);
            var (commit, firstRevealBlock) = await ChooseAsync(context, node, store, pair.Account, subnet, cancellationToken);
            if (firstRevealBlock is { } first)
            {
                if (!context.ParseResult.GetValue(wait))
                {
                    var best = (await node.Chain.GetHeaderAsync(null, cancellationToken))!.Number;
                    throw new CliException($"too early: commit {commit.Hash} can be revealed from block {first} (the chain is at {best}); run again then, or pass --wait");
                }

                while ((await node.Chain.GetHeaderAsync(null, cancellationToken))!.Number + 1 < first)
                {
                    await Task.Delay(PollInterval, cancellationToken);
                }
            }

            var json = new JsonObject { ["netuid"] = subnet, ["hotkey"] = pair.Account.ToString(), ["commit_hash"] = commit.Hash.ToString() };
            var inclusion = await ChainTransaction.RunAsync(context, node, pair, new RevealWeightsCall(subnet, commit.Uids, commit.Weights, commit.Salt, commit.VersionKey),
                [("Netuid", $"{subnet}"), ("Weights (uid: u16)", WeightsArguments.Describe(commit.Uids, commit.Weights)), ("Commit hash", commit.Hash.ToString())],
                $"Reveal {commit.Uids.Length} weights on netuid {subnet}?", json, cancellationToken);
            if (inclusion is null)
            {
                return ExitCodes.Declined;
            }

            store.Remove(commit.Hash);
            ChainTransaction.Report(context, json, "Weights revealed");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The commit to reveal and, when its window is not open yet, its first reveal block.</summary>
    private static async Task<(KeptCommit Commit, ulong? FirstRevealBlock)> ChooseAsync(
        CliContext context, NodeConnection node, WeightCommitStore store, AccountId hotkey, ushort netuid, CancellationToken cancellationToken)
    {
        var kept = store.Load();
        if (kept.Count == 0)
        {
            throw new CliException($"no kept commit of {hotkey} on netuid {netuid} ({store.Path}); commit first with `agora weights commit`");
        }

        var commits = await node.Rpc.CallAsync("agora_getCommits", [netuid], cancellationToken);
        var onChain = new Dictionary<Hash256, System.Text.Json.JsonElement>();
        using var entries = commits.EnumerateArray();
        foreach (var pending in entries)
        {
            if (pending.GetProperty("hotkey").GetString() == hotkey.ToString())
            {
                onChain[Hash256.Parse(pending.GetProperty("hash").GetString()!)] = pending;
            }
        }

        var next = (await node.Chain.GetHeaderAsync(null, cancellationToken))!.Number + 1;
        foreach (var commit in kept)
        {
            if (!onChain.TryGetValue(commit.Hash, out var onChainCommit) || onChainCommit.GetProperty("last_reveal_block").GetUInt64() < next)
            {
                await context.Environment.Error.WriteLineAsync($"dropping commit {commit.Hash}: the chain no longer holds it or its reveal window has closed");
                store.Remove(commit.Hash);
                continue;
            }

            var first = onChainCommit.GetProperty("first_reveal_block").GetUInt64();
            return (commit, first > next ? first : null);
        }

        throw new CliException($"none of the kept commits of {hotkey} on netuid {netuid} can be revealed any more; commit again");
    }
}
