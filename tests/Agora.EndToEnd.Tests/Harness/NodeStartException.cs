namespace Agora.EndToEnd.Tests.Harness;

/// <summary>A node process did not come up; the message carries its log.</summary>
internal sealed class NodeStartException : Exception
{
    public NodeStartException()
    {
    }

    public NodeStartException(string message)
        : base(message)
    {
    }

    public NodeStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
