using System.CommandLine;
using Agora.Cli.Infrastructure;
using Agora.Node.Host;

namespace Agora.Cli.Commands.Node;

/// <summary><c>agora node</c>: runs a chain node until Ctrl-C.</summary>
internal static class NodeCommand
{
    public static Command Create(CliHost host)
    {
        var dev = new Option<bool>("--dev") { Description = "Run a development chain: create it if the data directory is empty, author blocks with //Alice" };
        var basePath = new Option<string?>("--base-path", "-d") { Description = "Data directory (default: $AGORA_HOME/chains/agora_dev)" };
        var rpcPort = new Option<int>("--rpc-port") { Description = "JSON-RPC port, HTTP and WebSocket (0 = pick a free one)", DefaultValueFactory = _ => 9944 };
        var metricsPort = new Option<int>("--metrics-port") { Description = "Prometheus metrics port (0 = off)", DefaultValueFactory = _ => 9615 };
        var blockTime = new Option<ulong?>("--block-time-ms") { Description = "Block time of a new dev chain in milliseconds (default 1000)" };
        var listen = new Option<string>("--listen") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("node", "Run a chain node (JSON-RPC on --rpc-port, metrics on --metrics-port)")
        {
            dev, basePath, rpcPort, metricsPort, blockTime, listen,
        };
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var options = new NodeOptions
            {
                Dev = context.ParseResult.GetValue(dev),
                BasePath = context.ParseResult.GetValue(basePath) ?? Path.Combine(context.Home, "chains", "agora_dev"),
                RpcPort = context.ParseResult.GetValue(rpcPort),
                MetricsPort = context.ParseResult.GetValue(metricsPort),
                BlockTimeMs = context.ParseResult.GetValue(blockTime),
                ListenAddress = context.ParseResult.GetValue(listen) ?? "127.0.0.1",
            };
            if (options.BlockTimeMs is 0)
            {
                throw new CliException("--block-time-ms must be at least 1");
            }

            if (!options.Dev && !Directory.Exists(Path.Combine(options.BasePath, "chain")))
            {
                throw new CliException($"{options.BasePath} holds no chain; pass --dev to create a development chain there");
            }

            await NodeRunner.RunAsync(options, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
