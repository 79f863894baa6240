using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Protocol.Subnets;
using Spectre.Console;

namespace Agora.Cli.Commands.Subnets;

/// <summary><c>agora subnets hyperparameters NETUID</c>: every hyperparameter's value, bounds and who may set it.</summary>
internal static class HyperparametersCommand
{
    public static Command Create(CliHost host)
    {
        var netuid = NetuidOption.Argument();
        var command = new Command("hyperparameters", "Show a subnet's hyperparameters with their bounds") { netuid };
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            using var node = new NodeConnection(context.Network);
            var values = await node.Chain.GetHyperparametersAsync(context.ParseResult.GetValue(netuid), cancellationToken);
            var json = new JsonObject();
            foreach (var (name, value) in values)
            {
                json[name] = JsonNode.Parse(value.GetRawText());
            }

            context.Output.Result(json, console => console.Write(Table(values)));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Table Table(IReadOnlyDictionary<string, JsonElement> values)
    {
        var table = new Table().AddColumns("Hyperparameter", "Value", "Bounds", "Owner may set");
        foreach (var (name, value) in values)
        {
            var definition = Hyperparameters.Find(name);
            var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            table.AddRow(name, Markup.Escape(text), Markup.Escape(definition?.BoundsText ?? "?"), definition is { OwnerSettable: true } ? "yes" : "sudo only");
        }

        return table;
    }
}
