using System.CommandLine;
using Agora.Cli.Infrastructure;
using Agora.Node.Core;
using Agora.Node.Host;
using Agora.Runtime.Genesis;

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
        var chainSpec = new Option<FileInfo?>("--chain")
        {
            Description = "Create the chain from this chain spec (JSON) if the data directory is empty; its authority must be a dev account (//Alice … //Ferdie), whose key authors blocks",
        };
        var listen = new Option<string>("--listen") { Description = "Address to listen on (0.0.0.0 = all interfaces)", DefaultValueFactory = _ => "127.0.0.1" };
        var rpcCors = new Option<string?>("--rpc-cors")
        {
            Description = "Browser origins allowed to call the RPC, comma-separated (e.g. http://localhost:8080), or 'all'; default: none",
        };
        var rpcHost = new Option<string?>("--rpc-host")
        {
            Description = "Host names the RPC answers besides localhost and IP addresses, comma-separated, or 'all' (turns off DNS-rebinding protection)",
        };
        var command = new Command("node", "Run a chain node (JSON-RPC on --rpc-port, metrics on --metrics-port)")
        {
            dev, chainSpec, basePath, rpcPort, metricsPort, blockTime, listen, rpcCors, rpcHost,
        };
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var spec = ReadChainSpec(context.ParseResult.GetValue(chainSpec));
            var options = new NodeOptions
            {
                Dev = context.ParseResult.GetValue(dev),
                ChainSpec = spec,
                BasePath = context.ParseResult.GetValue(basePath) ?? Path.Combine(context.Home, "chains", spec?.Id ?? "agora_dev"),
                RpcPort = context.ParseResult.GetValue(rpcPort),
                MetricsPort = context.ParseResult.GetValue(metricsPort),
                BlockTimeMs = context.ParseResult.GetValue(blockTime),
                ListenAddress = context.ParseResult.GetValue(listen) ?? "127.0.0.1",
                RpcCorsOrigins = RpcAccessLists.Origins(context.ParseResult.GetValue(rpcCors)),
                RpcHostsAllowed = RpcAccessLists.Hosts(context.ParseResult.GetValue(rpcHost)),
            };
            if (options.BlockTimeMs is 0)
            {
                throw new CliException("--block-time-ms must be at least 1");
            }

            if (spec is not null && options.Dev)
            {
                throw new CliException("pass either --dev or --chain FILE, not both");
            }

            if (spec is not null && options.BlockTimeMs is not null)
            {
                throw new CliException("--block-time-ms applies to a new dev chain; with --chain FILE set block_time_ms in the chain spec");
            }

            if (!options.Dev && spec is null && !Directory.Exists(Path.Combine(options.BasePath, "chain")))
            {
                throw new CliException($"{options.BasePath} holds no chain; pass --dev or --chain FILE to create a chain there");
            }

            await NodeRunner.RunAsync(options, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The chain spec in <paramref name="file"/>, or null without --chain; its authority must be a dev account.</summary>
    private static ChainSpec? ReadChainSpec(FileInfo? file)
    {
        if (file is null)
        {
            return null;
        }

        if (!file.Exists)
        {
            throw new CliException($"--chain: {file.FullName} does not exist; pass the path of a chain spec JSON file");
        }

        var spec = ChainSpecJson.Read(File.ReadAllText(file.FullName));
        using var authority = DevChainSpec.DevKeyOf(spec.Authority);
        return authority is not null
            ? spec
            : throw new CliException(
                $"--chain: the spec's authority {spec.Authority} is not a dev account, and this node has no other way to its key; " +
                "set genesis.authority to a dev account (//Alice … //Ferdie)");
    }
}
