using System.CommandLine;
using Agora.Sdk.Wallet;

namespace Agora.Cli.Infrastructure;

/// <summary>
/// Runs a command body with a <see cref="CliContext"/> and turns user errors into "error: ..." on stderr
/// with a non-zero exit code. Bugs (any other exception) are not caught here.
/// </summary>
internal static class CommandRunner
{
    /// <summary>Sets a synchronous action on <paramref name="command"/>.</summary>
    public static void SetAction(Command command, CliHost host, Func<CliContext, int> body) =>
        command.SetAction(parseResult => Run(host, parseResult, body));

    /// <summary>Sets an asynchronous action (for commands that talk to a node).</summary>
    public static void SetAction(Command command, CliHost host, Func<CliContext, CancellationToken, Task<int>> body) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(host, parseResult, body, cancellationToken));

    private static int Run(CliHost host, ParseResult parseResult, Func<CliContext, int> body)
    {
        try
        {
            return body(new CliContext(host, parseResult));
        }
        catch (Exception e) when (IsUserError(e))
        {
            return Fail(host, e);
        }
    }

    private static async Task<int> RunAsync(
        CliHost host, ParseResult parseResult, Func<CliContext, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(new CliContext(host, parseResult), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await host.Environment.Error.WriteLineAsync("interrupted");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (IsUserError(e))
        {
            return Fail(host, e);
        }
    }

    private static bool IsUserError(Exception e) => e is CliException or FormatException or WalletException
        or KeyfileException or WrongPasswordException or IOException or UnauthorizedAccessException or HttpRequestException
        or Agora.Sdk.Client.RpcClientException;

    private static int Fail(CliHost host, Exception e)
    {
        host.Environment.Error.WriteLine($"error: {e.Message}");
        return e is CliException cli ? cli.ExitCode : ExitCodes.Error;
    }
}
