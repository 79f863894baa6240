using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Protocol.Weights;

namespace Agora.Cli.Commands.Weights;

/// <summary>
/// <c>agora weights commit</c>: a validator hotkey commits the hash of its weights and a fresh random salt; the weights
/// and salt stay in a local owner-only file until <c>weights reveal</c> publishes them in the reveal window.
/// </summary>
internal static class CommitCommand
{
    /// <summary>Bytes of the random salt.</summary>
    private const int SaltBytes = 32;

    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Hotkey);
        var netuid = NetuidOption.Create("--netuid", "Subnet to commit weights on");
        var arguments = new WeightsArguments();
        var command = new Command("commit", "Commit a hash of weights now; reveal them later with `agora weights reveal --netuid N` (the salt is kept locally)") { netuid };
        arguments.AddTo(command);
        signer.AddTo(command);
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var subnet = context.ParseResult.GetValue(netuid);
            var (uids, weights) = arguments.Resolve(context);
            using var pair = signer.Open(context);
            using var node = new NodeConnection(context.Network);
            var versionKey = await arguments.ResolveVersionKeyAsync(context, node, subnet, cancellationToken);
            var genesis = await node.Chain.GetBlockHashAsync(0, cancellationToken) ?? throw new CliException("the node has no genesis block");
            var salt = RandomNumberGenerator.GetBytes(SaltBytes);
            var hash = WeightsCommitment.Hash(pair.Account, subnet, uids.AsSpan(), weights.AsSpan(), salt, versionKey);
            var store = new WeightCommitStore(context.Home, genesis, pair.Account, subnet);
            store.Add(new KeptCommit(hash, uids, weights, salt, versionKey));
            var json = new JsonObject { ["netuid"] = subnet, ["hotkey"] = pair.Account.ToString(), ["commit_hash"] = hash.ToString(), ["kept_in"] = store.Path };
            try
            {
                var inclusion = await ChainTransaction.RunAsync(context, node, pair, new CommitWeightsCall(subnet, hash),
                    [("Netuid", $"{subnet}"), ("Weights (uid: u16)", WeightsArguments.Describe(uids, weights)), ("Commit hash", hash.ToString())],
                    $"Commit {uids.Length} weights on netuid {subnet}?", json, cancellationToken);
                if (inclusion is null)
                {
                    store.Remove(hash);
                    return ExitCodes.Declined;
                }

                if (inclusion.Event("weights_committed") is { } committed)
                {
                    json["first_reveal_block"] = committed.GetProperty("first_reveal_block").GetUInt64();
                    json["last_reveal_block"] = committed.GetProperty("last_reveal_block").GetUInt64();
                }
            }
            catch (CliException)
            {
                store.Remove(hash);
                throw;
            }

            ChainTransaction.Report(context, json, json["first_reveal_block"] is { } first
                ? $"Weights committed; reveal them in blocks {first}–{json["last_reveal_block"]} with `agora weights reveal --netuid {subnet}`"
                : "Weights committed");
            return ExitCodes.Ok;
        });
        return command;
    }
}
