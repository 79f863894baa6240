namespace Agora.Cli.Commands.Sim;

/// <summary>Malformed <c>sim</c> input; the message starts with the JSON path of the offending field.</summary>
internal sealed class SimInputException : Exception
{
    public SimInputException(string message)
        : base(message)
    {
    }

    public SimInputException()
    {
    }

    public SimInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
