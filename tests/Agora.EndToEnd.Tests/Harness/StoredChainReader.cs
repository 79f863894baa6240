using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Runtime.State;
using Agora.Storage;
using Agora.Storage.RocksDb;

namespace Agora.EndToEnd.Tests.Harness;

/// <summary>
/// Opens a stopped (or killed) node's RocksDB directory the way the node does (<see cref="ChainStore.OpenOrCreate"/>)
/// and checks it end to end: every block 0..best is stored under its number, hashes to its index entry, links
/// to its parent and carries a valid seal; the stored state root is the best block's, and recomputing it from
/// the flat state gives the same root.
/// </summary>
internal static class StoredChainReader
{
    /// <summary>Reads and checks the chain in <paramref name="basePath"/>; the node must not be running.</summary>
    public static StoredChain Read(string basePath)
    {
        var directory = Path.Combine(basePath, "chain");
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{directory} does not exist: the node never created its store there");
        }

        using var store = RocksDbStore.Open(directory);
        var chain = ChainStore.OpenOrCreate(store, DevChainSpec.Create());
        var problems = new List<string>();
        var included = WalkBlocks(chain, problems);
        var stateRoot = chain.State.Root;
        if (stateRoot != chain.Best.StateRoot)
        {
            problems.Add($"the stored state root {stateRoot} is not best block {chain.Best.Number}'s {chain.Best.StateRoot}");
        }

        try
        {
            chain.State.VerifyFull();
        }
        catch (StorageException e)
        {
            problems.Add($"recomputing the state root from the flat state failed: {e.Message}");
        }

        var accounts = new Dictionary<AccountId, AccountInfo>();
        foreach (var (key, value) in chain.State.Iterate(StateKeys.AccountPrefix))
        {
            accounts[new AccountId(key.AsSpan(StateKeys.AccountPrefix.Length))] = AccountInfo.Decode(value);
        }

        var state = new StateOverlay(chain.State);
        return new StoredChain(
            chain.Best, chain.GenesisHash, stateRoot, problems, included, accounts,
            state.GetU64(StateKeys.TotalIssuance), state.GetU64(StateKeys.PendingEmission));
    }

    private static Dictionary<AccountId, int> WalkBlocks(ChainStore chain, List<string> problems)
    {
        var included = new Dictionary<AccountId, int>();
        var parent = Hash256.Zero;
        for (var number = 0UL; number <= chain.Best.Number; number++)
        {
            var hash = chain.GetBlockHash(number);
            var block = hash is null ? null : chain.GetBlock(hash.Value);
            if (hash is null || block is null)
            {
                problems.Add($"block {number} (below the best, {chain.Best.Number}) is missing");
                return included;
            }

            var header = block.Header;
            if (header.Hash != hash.Value || header.Number != number)
            {
                problems.Add($"the index says block {number} is {hash}, but the stored block is #{header.Number} {header.Hash}");
            }

            if (header.ParentHash != parent)
            {
                problems.Add($"block {number} names parent {header.ParentHash}, but block {number - 1} is {parent}");
            }

            if (number == 0 && hash.Value != chain.GenesisHash)
            {
                problems.Add($"block 0 is {hash}, the stored genesis hash is {chain.GenesisHash}");
            }

            if (number > 0 && !header.VerifySeal())
            {
                problems.Add($"block {number}'s seal does not verify for its author {header.Author}");
            }

            foreach (var transaction in block.Transactions)
            {
                included[transaction.Sender] = included.GetValueOrDefault(transaction.Sender) + 1;
            }

            parent = hash.Value;
        }

        if (parent != chain.Best.Hash)
        {
            problems.Add($"walking the index ends at {parent}, but the best block is {chain.Best.Hash}");
        }

        if (chain.GetBlockHash(chain.Best.Number + 1) is { } beyond)
        {
            problems.Add($"the index has block {chain.Best.Number + 1} ({beyond}) above the best block");
        }

        return included;
    }
}
