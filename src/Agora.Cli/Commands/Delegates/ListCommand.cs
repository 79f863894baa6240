using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Spectre.Console;

namespace Agora.Cli.Commands.Delegates;

/// <summary><c>agora delegates list</c>: hotkey, owner, take, total stake, nominators.</summary>
internal static class ListCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("list", "List delegates, largest total stake first: owner, take, total stake, nominators");
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            using var node = new NodeConnection(context.Network);
            var raw = await node.Rpc.CallAsync<JsonElement>("agora_getDelegates", null, cancellationToken);
            var delegates = await node.Chain.GetDelegatesAsync(cancellationToken);
            context.Output.Result(JsonNode.Parse(raw.GetRawText())!, console =>
            {
                var table = new Table().AddColumns("Hotkey", "Owner", "Take", "Total stake (TAO)", "Nominators");
                foreach (var d in delegates)
                {
                    table.AddRow(d.Hotkey.ToString(), d.Owner.ToString(), (d.Take * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%", d.TotalStake.ToTaoString(), $"{d.Nominators}");
                }

                console.Write(table);
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
