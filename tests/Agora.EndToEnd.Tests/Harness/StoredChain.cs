using Agora.Core.Primitives;
using Agora.Protocol.Blocks;
using Agora.Runtime.State;

namespace Agora.EndToEnd.Tests.Harness;

/// <summary>
/// What a node left on disk, read directly from its RocksDB directory by <see cref="StoredChainReader"/>.
/// <see cref="Problems"/> lists every broken link, seal or root found; a healthy chain has none.
/// </summary>
internal sealed record StoredChain(
    BlockHeader Best,
    Hash256 GenesisHash,
    Hash256 StateRoot,
    IReadOnlyList<string> Problems,
    IReadOnlyDictionary<AccountId, int> IncludedTransactionsBySender,
    IReadOnlyDictionary<AccountId, AccountInfo> Accounts,
    ulong TotalIssuance,
    ulong PendingEmission)
{
    /// <summary>Free, reserved and staked balance of every account in state.</summary>
    public ulong AccountBalanceSum => Accounts.Values.Aggregate(0UL, (sum, account) => checked(sum + account.Free.Value + account.Reserved.Value + account.Staked.Value));

    /// <summary>The stored account, or the empty account when it was never touched.</summary>
    public AccountInfo Account(AccountId account) => Accounts.GetValueOrDefault(account, AccountInfo.Empty);

    /// <summary>Transactions from <paramref name="sender"/> in blocks 1..best.</summary>
    public int IncludedFrom(AccountId sender) => IncludedTransactionsBySender.GetValueOrDefault(sender);
}
