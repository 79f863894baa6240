using System.Buffers.Binary;
using System.Text;
using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Blocks;
using Agora.Protocol.Events;
using Agora.Runtime;
using Agora.Runtime.Execution;
using Agora.Runtime.Genesis;
using Agora.Storage;
using Agora.Storage.Tree;

namespace Agora.Node.Core;

/// <summary>
/// The node's view of its store: blocks by hash and number, their events, the best block and the state at
/// it. A block, its events, its state changes and the new best pointer go into one atomic write.
/// </summary>
public sealed class ChainStore
{
    private static readonly byte[] BestKey = "chain/best"u8.ToArray();
    private static readonly byte[] GenesisKey = "chain/genesis"u8.ToArray();
    private static readonly byte[] SpecKey = "chain/spec"u8.ToArray();
    private const byte EventsSuffix = 0x01;

    private readonly IKeyValueStore _store;

    private ChainStore(IKeyValueStore store, ChainSpec spec, Hash256 genesisHash, BlockHeader best)
    {
        _store = store;
        Spec = spec;
        GenesisHash = genesisHash;
        Best = best;
        State = new ChainState(store);
    }

    /// <summary>The chain's spec (as stored at genesis).</summary>
    public ChainSpec Spec { get; }

    /// <summary>Consensus parameters from the spec.</summary>
    public ChainParameters Parameters => Spec.Parameters;

    /// <summary>Hash of block 0.</summary>
    public Hash256 GenesisHash { get; }

    /// <summary>Header of the best (and, with one authority, finalized) block.</summary>
    public BlockHeader Best { get; private set; }

    /// <summary>State at the best block.</summary>
    public ChainState State { get; }

    /// <summary>
    /// Opens the chain in <paramref name="store"/>, or creates its genesis from <paramref name="specForNewChain"/>
    /// when the store is empty.
    /// </summary>
    public static ChainStore OpenOrCreate(IKeyValueStore store, ChainSpec specForNewChain) =>
        Open(store) ?? CreateGenesis(store, specForNewChain);

    /// <summary>
    /// Opens the chain in <paramref name="store"/>, or returns null when the store holds none. Checks that the
    /// stored state matches the best block's state root.
    /// </summary>
    public static ChainStore? Open(IKeyValueStore store)
    {
        var genesisBytes = store.Get(Column.Meta, GenesisKey);
        if (genesisBytes is null)
        {
            return null;
        }

        var specJson = store.Get(Column.Meta, SpecKey) ?? throw new StorageException("the store has a genesis but no chain spec; it is corrupt: delete the data directory");
        var spec = ChainSpecJson.Read(Encoding.UTF8.GetString(specJson));
        var bestHash = new Hash256(store.Get(Column.Meta, BestKey) ?? throw new StorageException("the store has no best block; it is corrupt: delete the data directory"));
        var bestBlock = ReadBlock(store, bestHash, spec.Parameters) ?? throw new StorageException($"best block {bestHash} is missing from the store; it is corrupt");
        var chain = new ChainStore(store, spec, new Hash256(genesisBytes), bestBlock.Header);
        chain.State.VerifyOnOpen();
        chain.State.KeepValuesOfBestState();
        if (chain.State.Root != bestBlock.Header.StateRoot)
        {
            throw new StorageException($"the stored state root {chain.State.Root} is not the best block's {bestBlock.Header.StateRoot}; the store is corrupt");
        }

        return chain;
    }

    /// <summary>The block with <paramref name="hash"/>, or null.</summary>
    public Block? GetBlock(Hash256 hash) => ReadBlock(_store, hash, Parameters);

    /// <summary>The header of the block with <paramref name="hash"/>, or null; its transactions are not decoded.</summary>
    public BlockHeader? GetHeader(Hash256 hash)
    {
        var bytes = _store.Get(Column.Blocks, hash.Bytes);
        if (bytes is null)
        {
            return null;
        }

        // A block's encoding starts with its header.
        var reader = new CodecReader(bytes);
        return BlockHeader.Decode(ref reader);
    }

    /// <summary>
    /// The state after canonical block <paramref name="number"/>, or null beyond the best block. The best block's is
    /// the flat <see cref="State"/> (fast; read it before the next commit); an older block's is read from its state
    /// root by point lookups in the tree (<see cref="StateAtRoot"/>), which never changes.
    /// </summary>
    public StateAtBlock? StateAt(ulong number)
    {
        var best = Best;
        if (number == best.Number)
        {
            return new StateAtBlock(best, State, Parameters);
        }

        if (number > best.Number || GetBlockHash(number) is not { } hash)
        {
            return null;
        }

        var header = GetHeader(hash) ?? throw new StorageException(
            $"the block index names {hash} as block {number}, but the block is missing from column {Column.Blocks}: the store is corrupt; restore it from a backup or delete the data directory and resync");
        return new StateAtBlock(header, State.Tree.At(header.StateRoot), Parameters);
    }

    /// <summary>The hash of canonical block <paramref name="number"/>, or null beyond the best.</summary>
    public Hash256? GetBlockHash(ulong number)
    {
        var bytes = _store.Get(Column.BlockIndex, NumberKey(number));
        return bytes is null ? null : new Hash256(bytes);
    }

    /// <summary>The events of block <paramref name="hash"/> (empty for genesis or an unknown block).</summary>
    public IReadOnlyList<EventRecord> GetEvents(Hash256 hash)
    {
        var bytes = _store.Get(Column.Blocks, EventsKey(hash));
        return bytes is null ? [] : EventRecord.DecodeAll(bytes);
    }

    /// <summary>
    /// Writes a block received or replayed over the best state: its state changes (checking the root against the
    /// header), the block, its events and the new best pointer, in one synced atomic write.
    /// </summary>
    public void Commit(Block block, BlockExecution execution) => Commit(execution, root =>
    {
        if (root != block.Header.StateRoot)
        {
            throw new InvalidBlockException($"block {block.Header.Number} claims state root {block.Header.StateRoot} but executing it gives {root}");
        }

        return block;
    });

    /// <summary>
    /// Writes a block this node produced: <paramref name="sealWithRoot"/> receives the new state root and returns
    /// the sealed block. One tree pass and one synced atomic write.
    /// </summary>
    public Block Commit(BlockExecution execution, Func<Hash256, Block> sealWithRoot)
    {
        var batch = new WriteBatch();
        var block = sealWithRoot(State.Apply(execution.Changes, batch));
        var header = block.Header;
        if (header.ParentHash != Best.Hash || header.Number != Best.Number + 1)
        {
            throw new InvalidBlockException($"block {header.Number} does not extend the best block {Best.Number} ({Best.Hash})");
        }

        PutBlock(batch, block, execution.Events);
        _store.Write(batch);
        Best = header;
        return block;
    }

    private static ChainStore CreateGenesis(IKeyValueStore store, ChainSpec spec)
    {
        var state = new ChainState(store);
        var batch = new WriteBatch();
        var root = state.Apply(GenesisBuilder.BuildState(spec), batch);
        var header = new BlockHeader(0, Hash256.Zero, root, ExtrinsicsRoot.Empty, spec.GenesisTimestampMs, RuntimeVersion.Genesis, default);
        var genesis = new Block(header, []);
        PutBlock(batch, genesis, []);
        batch.Put(Column.Meta, GenesisKey, header.Hash.Bytes);
        batch.Put(Column.Meta, SpecKey, Encoding.UTF8.GetBytes(ChainSpecJson.Write(spec)));
        store.Write(batch);
        return new ChainStore(store, spec, header.Hash, header);
    }

    private static void PutBlock(WriteBatch batch, Block block, IReadOnlyList<EventRecord> events)
    {
        var hash = block.Header.Hash;
        batch.Put(Column.Blocks, hash.Bytes, block.Encode());
        batch.Put(Column.Blocks, EventsKey(hash), EventRecord.EncodeAll(events));
        batch.Put(Column.BlockIndex, NumberKey(block.Header.Number), hash.Bytes);
        batch.Put(Column.Meta, BestKey, hash.Bytes);
    }

    private static Block? ReadBlock(IKeyValueStore store, Hash256 hash, ChainParameters parameters)
    {
        var bytes = store.Get(Column.Blocks, hash.Bytes);
        return bytes is null ? null : Block.Decode(bytes, parameters.BlockTransactionCountMax, parameters.TransactionBytesMax);
    }

    private static byte[] NumberKey(ulong number)
    {
        var key = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(key, number);
        return key;
    }

    private static byte[] EventsKey(Hash256 hash) => [.. hash.Bytes, EventsSuffix];
}
