using Agora.Core.Primitives;

namespace Agora.Runtime.State;

/// <summary>
/// The layout of chain state: every key starts with a module byte and an item byte. Persisted: never reuse
/// or renumber a prefix.
/// </summary>
public static class StateKeys
{
    /// <summary>Module byte of system-wide values.</summary>
    public const byte SystemModule = 0x00;

    /// <summary>Module byte of balances.</summary>
    public const byte BalancesModule = 0x01;

    /// <summary>Total issuance in rao (u64).</summary>
    public static readonly byte[] TotalIssuance = [SystemModule, 0x01];

    /// <summary>Minted emission not yet distributed to subnets (u64 rao).</summary>
    public static readonly byte[] PendingEmission = [SystemModule, 0x02];

    /// <summary>Rounding dust carried to later distributions (u64 rao).</summary>
    public static readonly byte[] CarriedDust = [SystemModule, 0x03];

    /// <summary>Number of the last executed block (u64).</summary>
    public static readonly byte[] BlockNumber = [SystemModule, 0x04];

    /// <summary>The sudo key of a development chain (32 bytes), absent elsewhere.</summary>
    public static readonly byte[] SudoKey = [SystemModule, 0x05];

    /// <summary>Prefix of all account records.</summary>
    public static readonly byte[] AccountPrefix = [BalancesModule, 0x01];

    /// <summary>The key of <paramref name="account"/>'s record.</summary>
    public static byte[] Account(AccountId account)
    {
        var key = new byte[AccountPrefix.Length + AccountId.Size];
        AccountPrefix.CopyTo(key, 0);
        account.Bytes.CopyTo(key.AsSpan(AccountPrefix.Length));
        return key;
    }
}
