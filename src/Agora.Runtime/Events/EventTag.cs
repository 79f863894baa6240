namespace Agora.Runtime.Events;

/// <summary>The first byte of an encoded event. Persisted: never renumber, only append.</summary>
public enum EventTag : byte
{
    /// <summary><see cref="EmissionMinted"/>.</summary>
    EmissionMinted = 0,

    /// <summary><see cref="TransactionFeePaid"/>.</summary>
    TransactionFeePaid = 1,

    /// <summary><see cref="Transferred"/>.</summary>
    Transferred = 2,
}
