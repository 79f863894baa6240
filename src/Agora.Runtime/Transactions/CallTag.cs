namespace Agora.Runtime.Transactions;

/// <summary>The first byte of an encoded call. Persisted: never renumber, only append.</summary>
public enum CallTag : byte
{
    /// <summary><see cref="TransferCall"/>.</summary>
    Transfer = 0,
}
