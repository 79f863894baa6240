using Agora.Core.Primitives;

namespace Agora.Runtime;

/// <summary>
/// Consensus constants fixed at genesis (part of the chain spec). Every node of a chain uses the same values.
/// </summary>
public sealed record ChainParameters
{
    /// <summary>Issuance never exceeds this: 21,000,000 TAO.</summary>
    public Rao SupplyCap { get; init; } = Rao.FromTao(21_000_000);

    /// <summary>Emission of one block before any halving: 1 TAO.</summary>
    public Rao BlockEmissionStart { get; init; } = Rao.FromTao(1);

    /// <summary>Fixed part of every transaction fee.</summary>
    public Rao FeeBase { get; init; } = new(100_000);

    /// <summary>Fee per byte of the encoded transaction.</summary>
    public Rao FeePerByte { get; init; } = new(1_000);

    /// <summary>Largest accepted encoded transaction.</summary>
    public int TransactionBytesMax { get; init; } = 16 * 1024;

    /// <summary>Most transactions in one block.</summary>
    public int BlockTransactionCountMax { get; init; } = 20_000;

    /// <summary>Largest total of transaction bytes in one block.</summary>
    public int BlockTransactionBytesMax { get; init; } = 4 * 1024 * 1024;

    /// <summary>Longest mortality a transaction may ask for, in blocks.</summary>
    public uint MortalityBlocksMax { get; init; } = 4096;

    /// <summary>Mortality clients use unless told otherwise, in blocks.</summary>
    public uint MortalityBlocksDefault { get; init; } = 64;
}
