using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;

namespace Agora.Cli.Commands.Subnets;

/// <summary><c>agora subnets list [--live]</c>: every subnet with its emission share, stake and epoch progress.</summary>
internal static class ListCommand
{
    private static readonly TimeSpan LivePollInterval = TimeSpan.FromMilliseconds(200);

    public static Command Create(CliHost host)
    {
        var live = new Option<bool>("--live") { Description = "Redraw the table at every new block until Ctrl-C" };
        var command = new Command("list", "List subnets: emission share, stake, stake EMA, pending emission, neurons, epoch progress") { live };
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            using var node = new NodeConnection(context.Network);
            if (context.ParseResult.GetValue(live))
            {
                if (context.Json)
                {
                    throw new CliException("--live redraws a table; drop --live for one JSON document");
                }

                return await LiveAsync(context, node, cancellationToken);
            }

            var json = await node.Rpc.CallAsync<JsonElement>("agora_getSubnets", null, cancellationToken);
            if (context.Json)
            {
                context.Output.Result(JsonNode.Parse(json.GetRawText())!, _ => { });
                return ExitCodes.Ok;
            }

            var subnets = await node.Chain.GetSubnetsAsync(cancellationToken);
            context.Console.Write(SubnetTable.Build(subnets, null));
            return ExitCodes.Ok;
        });
        return command;
    }

    // A live table on a terminal; on a pipe, one table per block.
    private static async Task<int> LiveAsync(CliContext context, NodeConnection node, CancellationToken cancellationToken)
    {
        ulong? shown = null;
        try
        {
            while (true)
            {
                var best = (await node.Chain.GetHealthAsync(cancellationToken)).BestBlock;
                if (best != shown)
                {
                    shown = best;
                    var subnets = await node.Chain.GetSubnetsAsync(cancellationToken);
                    if (context.Environment.IsOutputTerminal)
                    {
                        context.Console.Clear(home: true);
                    }

                    context.Console.Write(SubnetTable.Build(subnets, best));
                }

                await Task.Delay(LivePollInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
    }
}
