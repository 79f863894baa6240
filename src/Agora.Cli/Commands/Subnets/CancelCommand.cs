using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Protocol.Governance;

namespace Agora.Cli.Commands.Subnets;

/// <summary><c>agora subnets cancel</c>: the proposer withdraws a pending proposal; its lock returns.</summary>
internal static class CancelCommand
{
    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Coldkey, hotkeySigns: false);
        var proposal = new Option<ulong>("--proposal") { Description = "Proposal id (see `agora subnets proposals`)", Required = true };
        var command = new Command("cancel", "Withdraw your pending subnet proposal; its lock returns to your free balance") { proposal };
        signer.AddTo(command);
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var id = context.ParseResult.GetValue(proposal);
            using var pair = signer.Open(context);
            using var node = new NodeConnection(context.Network);
            var json = new JsonObject { ["proposal_id"] = id };
            var inclusion = await ChainTransaction.RunAsync(context, node, pair, new CancelProposalCall(id), [("Proposal", $"{id}")],
                $"Cancel proposal {id}?", json, cancellationToken);
            if (inclusion is null)
            {
                return ExitCodes.Declined;
            }

            ChainTransaction.Report(context, json, $"Cancelled proposal {id}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
