namespace Agora.Runtime.Transactions;

/// <summary>A refused transaction: the frozen error code and a message that says what to do.</summary>
public sealed record TxRejection(TxError Error, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Error}: {Message}";
}
