using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Spectre.Console;

namespace Agora.Cli.Commands.Subnets;

/// <summary><c>agora subnets proposals</c>: subnet proposals with their votes and status.</summary>
internal static class ProposalsCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("proposals", "List subnet proposals: status, votes, lock, voting window");
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            using var node = new NodeConnection(context.Network);
            var raw = await node.Rpc.CallAsync<JsonElement>("agora_getProposals", null, cancellationToken);
            var proposals = await node.Chain.GetProposalsAsync(cancellationToken);
            context.Output.Result(JsonNode.Parse(raw.GetRawText())!, console =>
            {
                var table = new Table().AddColumns("Id", "Name", "Proposer", "Status", "Ayes", "Nays", "Aye stake (TAO)", "Nay stake (TAO)", "Lock (TAO)", "Ends at", "Netuid");
                foreach (var p in proposals)
                {
                    table.AddRow($"{p.Id}", Markup.Escape(p.Name), SubnetTable.Short(p.Proposer.ToString()), p.Status.ToString().ToLowerInvariant(),
                        $"{p.Ayes.Count}", $"{p.Nays.Count}", p.AyeStake.ToTaoString(), p.NayStake.ToTaoString(), p.Lock.ToTaoString(),
                        $"#{p.EndBlock}", p.Netuid is { } n ? $"{n}" : "-");
                }

                console.Write(table);
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
