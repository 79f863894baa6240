using Agora.Node.Host;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Agora.Cli.Commands.Node;

/// <summary>Runs a node in this process with logs on stderr until cancelled (Ctrl-C, SIGTERM).</summary>
internal static class NodeRunner
{
    public static async Task RunAsync(NodeOptions options, CancellationToken cancellationToken)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss.fff ";
                console.ColorBehavior = LoggerColorBehavior.Disabled;
            })
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddFilter("Microsoft", LogLevel.Warning));
        await using var node = new NodeHost(options, loggerFactory, TimeProvider.System);
        await node.StartAsync(cancellationToken);
        await node.RunAsync(cancellationToken);
    }
}
