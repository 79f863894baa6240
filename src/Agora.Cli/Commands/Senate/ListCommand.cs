using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Spectre.Console;

namespace Agora.Cli.Commands.Senate;

/// <summary><c>agora senate list</c>: senate hotkeys and their stake.</summary>
internal static class ListCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("list", "List the senate: hotkey and total stake, largest first");
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            using var node = new NodeConnection(context.Network);
            var members = await node.Chain.GetSenateAsync(cancellationToken);
            var json = new JsonArray(members.Select(m => (JsonNode)new JsonObject { ["hotkey"] = m.Hotkey.ToString(), ["stake"] = m.Stake.Value }).ToArray());
            context.Output.Result(json, console =>
            {
                var table = new Table().AddColumns("Hotkey", "Stake (TAO)");
                foreach (var m in members)
                {
                    table.AddRow(m.Hotkey.ToString(), m.Stake.ToTaoString());
                }

                console.Write(table);
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
