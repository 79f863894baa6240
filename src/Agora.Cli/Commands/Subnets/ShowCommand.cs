using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Spectre.Console;

namespace Agora.Cli.Commands.Subnets;

/// <summary><c>agora subnets show NETUID</c>: one subnet with its description and hyperparameters.</summary>
internal static class ShowCommand
{
    public static Command Create(CliHost host)
    {
        var netuid = NetuidOption.Argument();
        var command = new Command("show", "Show one subnet: owner, stake, emission share, epoch progress and hyperparameters") { netuid };
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var id = context.ParseResult.GetValue(netuid);
            using var node = new NodeConnection(context.Network);
            var raw = await node.Rpc.CallAsync<JsonElement>("agora_getSubnet", [id], cancellationToken);
            var details = await node.Chain.GetSubnetAsync(id, cancellationToken);
            context.Output.Result(JsonNode.Parse(raw.GetRawText())!, console =>
            {
                var s = details.Subnet;
                var table = new Table().AddColumns("", "").HideHeaders();
                table.AddRow("Netuid", $"{s.Netuid}");
                table.AddRow("Name", Markup.Escape(s.Name));
                table.AddRow("Description", Markup.Escape(details.Description));
                table.AddRow("Owner (coldkey)", s.Owner.ToString());
                table.AddRow("Owner hotkey", s.OwnerHotkey.ToString());
                table.AddRow("Emission share", $"{s.EmissionShare:P2}");
                table.AddRow("Stake (TAO)", s.TotalStake.ToTaoString());
                table.AddRow("EMA stake (TAO)", s.EmaStake.ToTaoString());
                table.AddRow("Pending emission (TAO)", s.PendingEmission.ToTaoString());
                table.AddRow("Lock (TAO)", s.Lock.ToTaoString());
                table.AddRow("Launched at block", $"{s.RegisteredAt}");
                table.AddRow("Neurons", s.MaxNeurons is { } max ? $"{s.Neurons}/{max}" : "-");
                table.AddRow("Epoch", s.Tempo is { } tempo ? $"{s.BlocksSinceEpoch} of {tempo + 1} blocks" : "-");
                console.Write(table);
                if (details.Hyperparameters is { } values)
                {
                    console.Write(HyperparametersCommand.Table(values));
                }
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
