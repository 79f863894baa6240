using System.CommandLine;
using Agora.Cli.Commands.Node;
using Agora.Cli.Infrastructure;
using Agora.Node.Host;

namespace Agora.Cli.Commands.Localnet;

/// <summary>
/// <c>agora localnet up</c>: the whole local network on this machine. Today that is the dev chain node on the
/// default ports; the explorer and example subnets join it as they land.
/// </summary>
internal static class LocalnetCommand
{
    public static Command Create(CliHost host)
    {
        var basePath = new Option<string?>("--base-path", "-d") { Description = "Data folder (default: $AGORA_HOME/localnet)" };
        var fresh = new Option<bool>("--fresh") { Description = "Delete the data folder first and start a new chain" };
        var blockTime = new Option<ulong?>("--block-time-ms") { Description = "Block time of a new chain in milliseconds (default 1000)" };
        var up = new Command("up", "Start the local network: dev chain node (JSON-RPC :9944, metrics :9615); Ctrl-C stops it") { basePath, fresh, blockTime };
        CommandRunner.SetAction(up, host, async (context, cancellationToken) =>
        {
            var folder = Path.GetFullPath(context.ParseResult.GetValue(basePath) ?? Path.Combine(context.Home, "localnet"));
            if (context.ParseResult.GetValue(fresh) && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            await context.Environment.Error.WriteLineAsync($"localnet: data in {folder}");
            await context.Environment.Error.WriteLineAsync("localnet: node JSON-RPC http://127.0.0.1:9944 (HTTP and WebSocket), metrics http://127.0.0.1:9615/metrics; Ctrl-C stops");
            await NodeRunner.RunAsync(
                new NodeOptions { Dev = true, BasePath = Path.Combine(folder, "node"), BlockTimeMs = context.ParseResult.GetValue(blockTime) },
                cancellationToken);
            return ExitCodes.Ok;
        });
        return new Command("localnet", "Run the whole local network on this machine") { up };
    }
}
