using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Protocol.Governance;

namespace Agora.Cli.Commands.Subnets;

/// <summary><c>agora subnets vote</c>: a senate hotkey votes on a proposal (its owner coldkey pays the fee).</summary>
internal static class VoteCommand
{
    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Hotkey);
        var proposal = new Option<ulong>("--proposal") { Description = "Proposal id (see `agora subnets proposals`)", Required = true };
        var approve = new Option<bool>("--approve") { Description = "Vote aye" };
        var reject = new Option<bool>("--reject") { Description = "Vote nay" };
        var command = new Command("vote", "Vote on a subnet proposal with a senate hotkey (--uri of the hotkey, or --wallet W --hotkey H)") { proposal, approve, reject };
        signer.AddTo(command);
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var aye = context.ParseResult.GetValue(approve);
            if (aye == context.ParseResult.GetValue(reject))
            {
                throw new CliException("give exactly one of --approve or --reject");
            }

            var id = context.ParseResult.GetValue(proposal);
            using var pair = signer.Open(context);
            using var node = new NodeConnection(context.Network);
            var json = new JsonObject { ["proposal_id"] = id, ["hotkey"] = pair.Account.ToString(), ["aye"] = aye };
            var inclusion = await ChainTransaction.RunAsync(context, node, pair, new VoteCall(id, aye),
                [("Proposal", $"{id}"), ("Vote", aye ? "aye" : "nay")], $"Vote {(aye ? "aye" : "nay")} on proposal {id}?", json, cancellationToken);
            if (inclusion is null)
            {
                return ExitCodes.Declined;
            }

            var outcome = inclusion.Event("subnet_launched") is { } launched ? $"approved: subnet {launched.GetProperty("netuid").GetUInt16()} launched"
                : inclusion.Event("proposal_rejected") is not null ? "rejected" : "pending";
            json["status"] = outcome.Split(':')[0];
            if (inclusion.Event("subnet_launched") is { } subnet)
            {
                json["netuid"] = subnet.GetProperty("netuid").GetUInt16();
            }

            ChainTransaction.Report(context, json, $"Voted {(aye ? "aye" : "nay")} ({outcome})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
