using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Core.Json;

namespace Agora.Cli.Commands.Metagraph;

/// <summary><c>agora metagraph show NETUID [--sort FIELD] [--block N]</c>: the subnet's neurons as a table, or the RPC result with --json.</summary>
internal static class ShowCommand
{
    public static Command Create(CliHost host)
    {
        var netuid = NetuidOption.Argument();
        var sort = new Option<string?>("--sort")
        {
            Description = $"Order rows by a column, numbers largest first: {string.Join(", ", MetagraphColumn.All.Select(c => c.Name))}",
        };
        var block = new Option<ulong?>("--block") { Description = "Show the metagraph as of this block (default: the best block)" };
        var command = new Command("show", "Show a subnet's neurons: uid, stake, rank, trust, consensus, incentive, dividends, emission, vtrust, permit, updated, active, axon, keys")
        {
            netuid, sort, block,
        };
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var sortName = context.ParseResult.GetValue(sort);
            var column = sortName is null ? null : MetagraphColumn.Find(sortName) ?? throw new CliException(
                $"--sort {sortName}: no such column; sort by one of {string.Join(", ", MetagraphColumn.All.Select(c => c.Name))}");
            var subnet = context.ParseResult.GetValue(netuid);
            object?[] parameters = context.ParseResult.GetValue(block) is { } number ? [subnet, number] : [subnet];
            using var node = new NodeConnection(context.Network);
            var raw = await node.Rpc.CallAsync<JsonElement>("agora_getMetagraph", parameters, cancellationToken);
            var metagraph = raw.Deserialize<Agora.Sdk.Client.Metagraph>(AgoraJson.Options)!;
            context.Output.Result(JsonNode.Parse(raw.GetRawText())!, console => console.Write(MetagraphTable.Build(metagraph, column)));
            return ExitCodes.Ok;
        });
        return command;
    }
}
