namespace Agora.Protocol.Subnets;

/// <summary>Why a subnet left the chain. Persisted in events: never renumber, only append.</summary>
public enum DeregistrationReason : byte
{
    /// <summary>All slots were taken and an approved proposal replaced the subnet with the lowest stake EMA past its immunity.</summary>
    ReplacedByProposal = 0,
}
