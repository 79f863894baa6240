using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Core.Primitives;
using Spectre.Console;

namespace Agora.Cli.Commands.Subnets;

/// <summary>
/// <c>agora subnets deregistrations NETUID</c>: the subnet's last replacements, newest first, each explained: which
/// uid, which hotkey left for which, its pruning score (last epoch's emission) and rank among the non-immune neurons.
/// </summary>
internal static class DeregistrationsCommand
{
    public static Command Create(CliHost host)
    {
        var netuid = NetuidOption.Argument();
        var command = new Command("deregistrations", "Explain a subnet's last neuron replacements, newest first (--json: the agora_getDeregistrations list)") { netuid };
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var subnet = context.ParseResult.GetValue(netuid);
            using var node = new NodeConnection(context.Network);
            var result = await node.Rpc.CallAsync("agora_getDeregistrations", [subnet], cancellationToken);
            var json = JsonNode.Parse(result.GetRawText())!.AsArray();
            context.Output.Result(json, console =>
            {
                if (json.Count == 0)
                {
                    console.WriteLine($"No neuron of subnet {subnet} has been replaced.");
                    return;
                }

                var table = new Table().AddColumns("block", "uid", "left", "joined", "pruning score (TAO)", "explanation");
                foreach (var entry in json)
                {
                    var nonImmune = entry!["non_immune_count"]!.GetValue<ulong>();
                    var immune = entry["immune_count"]!.GetValue<ulong>();
                    table.AddRow(
                        $"{entry["block"]}", $"{entry["uid"]}", Markup.Escape(entry["old_hotkey"]!.GetValue<string>()), Markup.Escape(entry["new_hotkey"]!.GetValue<string>()),
                        new Rao(entry["pruning_score"]!.GetValue<ulong>()).ToTaoString(),
                        Markup.Escape($"lowest pruning score (rank {entry["pruning_rank"]}) of {nonImmune} non-immune neurons; {immune} were immune"));
                }

                console.Write(table);
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
