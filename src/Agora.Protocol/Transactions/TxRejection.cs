using Agora.Protocol.Modules;

namespace Agora.Protocol.Transactions;

/// <summary>
/// A refused transaction: the frozen error code, a message that says what to do, and, when the call itself was
/// refused, the module's error.
/// </summary>
public sealed record TxRejection(TxError Error, string Message, CallError? CallError = null)
{
    /// <inheritdoc />
    public override string ToString() => $"{Error}: {Message}";
}
