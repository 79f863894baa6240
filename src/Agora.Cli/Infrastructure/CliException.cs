namespace Agora.Cli.Infrastructure;

/// <summary>A user error: printed to stderr as "error: message" with a non-zero exit code. The message names the fix.</summary>
internal sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CliException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process exit code.</summary>
    public int ExitCode { get; } = ExitCodes.Error;
}
