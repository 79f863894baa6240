using Agora.Cli.Infrastructure;
using Agora.Node.Host;
using Agora.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Agora.Cli.Commands.Node;

/// <summary>
/// Runs a node in this process with logs on stderr until cancelled (Ctrl-C, SIGTERM). A store that cannot be opened
/// or a configuration that does not fit the data directory is a one-line error with a non-zero exit code.
/// </summary>
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
        try
        {
            await node.StartAsync(cancellationToken);
        }
        catch (StorageException e)
        {
            // The store cannot be opened (another node holds its LOCK file, it is corrupt, or newer): the message
            // names the fix, and a stack trace would bury it.
            throw new CliException(e.Message, e);
        }
        catch (InvalidOperationException e)
        {
            // Starting checks the configuration against the data directory and the options (a directory holding
            // another chain, no chain without --dev, an unusable listen address); each message says what to do.
            throw new CliException(e.Message, e);
        }

        await node.RunAsync(cancellationToken);
    }
}
