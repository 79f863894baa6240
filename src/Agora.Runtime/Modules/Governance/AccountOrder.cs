using Agora.Core.Primitives;

namespace Agora.Runtime.Modules.Governance;

/// <summary>Accounts in the unsigned order of their bytes: the deterministic tie-break of rankings.</summary>
public sealed class AccountOrder : IComparer<AccountId>
{
    private AccountOrder()
    {
    }

    /// <summary>The one instance.</summary>
    public static AccountOrder Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(AccountId x, AccountId y) => x.Bytes.SequenceCompareTo(y.Bytes);
}
