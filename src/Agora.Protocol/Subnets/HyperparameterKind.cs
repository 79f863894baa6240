namespace Agora.Protocol.Subnets;

/// <summary>How a hyperparameter's u64 value reads.</summary>
public enum HyperparameterKind
{
    /// <summary>An unsigned integer.</summary>
    Integer,

    /// <summary>0 or 1.</summary>
    Bool,

    /// <summary>An amount in rao.</summary>
    Rao,

    /// <summary>An i16 stored as the two's complement of its i64 value.</summary>
    SignedInt16,

    /// <summary>Liquid alpha's consensus mode: 0 current, 1 previous, 2 auto.</summary>
    ConsensusMode,
}
