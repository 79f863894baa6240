using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Core.Json;
using Agora.Sdk.Client;
using Spectre.Console;

namespace Agora.Cli.Commands.Weights;

/// <summary><c>agora weights show NETUID [--block N]</c>: every non-empty weights row (the <c>agora_getWeights</c> result with --json).</summary>
internal static class ShowCommand
{
    public static Command Create(CliHost host)
    {
        var netuid = NetuidOption.Argument();
        var block = new Option<ulong?>("--block") { Description = "Show the weights as of this block (default: the best block)" };
        var command = new Command("show", "Show the weights set on a subnet: one row per validator, uid:weight as a share of the row") { netuid, block };
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var subnet = context.ParseResult.GetValue(netuid);
            object?[] parameters = context.ParseResult.GetValue(block) is { } number ? [subnet, number] : [subnet];
            using var node = new NodeConnection(context.Network);
            var raw = await node.Rpc.CallAsync<JsonElement>("agora_getWeights", parameters, cancellationToken);
            var matrix = raw.Deserialize<SparseMatrix>(AgoraJson.Options)!;
            context.Output.Result(JsonNode.Parse(raw.GetRawText())!, console =>
            {
                if (matrix.Rows.Count == 0)
                {
                    console.WriteLine($"No weights on subnet {matrix.Netuid} at block #{matrix.Block}.");
                    return;
                }

                var table = new Table { Title = new TableTitle($"Subnet {matrix.Netuid} weights at block #{matrix.Block}") }.AddColumns("UID", "Entries", "Weights (uid:share)");
                foreach (var row in matrix.Rows)
                {
                    table.AddRow($"{row.Uid}", $"{row.Entries.Count}", Markup.Escape(RowText(row)));
                }

                console.Write(table);
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>"uid:share" pairs, shares of the row's total to 4 places.</summary>
    internal static string RowText(SparseMatrixRow row)
    {
        var total = row.Entries.Sum(e => (decimal)e.Value);
        return string.Join(" ", row.Entries.Select(e => $"{e.Uid}:{(e.Value / total).ToString("0.0000", CultureInfo.InvariantCulture)}"));
    }
}
