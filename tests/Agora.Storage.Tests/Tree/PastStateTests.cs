using System.Text;
using Agora.Core.Primitives;
using Agora.Storage.RocksDb;
using Agora.Storage.Tests.Support;
using Agora.Storage.Tree;
using CsCheck;

namespace Agora.Storage.Tests.Tree;

/// <summary>Reading a past block's state from its root: <see cref="StateTree.Get(Hash256, ReadOnlySpan{byte})"/> and <see cref="StateAtRoot"/>.</summary>
public sealed class PastStateTests
{
    private static readonly byte[] Alice = Bytes.Utf8("balance/alice");
    private static readonly byte[] Bob = Bytes.Utf8("balance/bob");
    private static readonly byte[] Carol = Bytes.Utf8("balance/carol");
    private static readonly byte[] Nobody = Bytes.Utf8("balance/nobody");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_past_block_reads_back_its_own_values_including_deleted_and_re_set_keys(bool onRocksDb)
    {
        using var directory = new TempDirectory();
        using var store = onRocksDb ? (IKeyValueStore)RocksDbStore.Open(directory.Path) : new MemoryStore();
        var state = new ChainState(store);
        StateChange[][] blocks =
        [
            [StateChange.Put(Alice, [1]), StateChange.Put(Bob, [2])],
            [StateChange.Put(Alice, [3]), StateChange.Delete(Bob)],
            [StateChange.Put(Bob, [4]), StateChange.Put(Carol, [])],
            [StateChange.Delete(Alice), StateChange.Put(Bob, [2])],
        ];

        var roots = blocks.Select(changes => Commit(store, state, changes)).ToArray();

        // Given each block's root, when its keys are read, then they hold that block's values (null = absent).
        Assert.Equal("alice=01 bob=02 carol=absent nobody=absent", ReadAll(state.Tree.At(roots[0])));
        Assert.Equal("alice=03 bob=absent carol=absent nobody=absent", ReadAll(state.Tree.At(roots[1])));
        Assert.Equal("alice=03 bob=04 carol= nobody=absent", ReadAll(state.Tree.At(roots[2])));
        Assert.Equal("alice=absent bob=02 carol= nobody=absent", ReadAll(state.Tree.At(roots[3])));
        Assert.Equal(ReadAll(state), ReadAll(state.Tree.At(state.Root)));
    }

    [Fact]
    public void Past_roots_and_the_best_flat_state_agree_with_the_model_over_random_blocks()
    {
        var universe = AllKeys();
        Generators.ChangeSet.Array[1, 6].Sample(blocks =>
        {
            using var model = new StateModel();
            var history = new List<(Hash256 Root, Dictionary<string, string> Values)>();
            foreach (var changes in blocks)
            {
                var root = model.Commit(changes);
                history.Add((root, model.Expected.ToDictionary(static e => Bytes.Hex(e.Key), static e => Bytes.Hex(e.Value))));

                // At the best block the tree read and the flat state are the same state.
                var atRoot = model.State.Tree.At(root);
                Assert.All(universe, key => Assert.Equal(Hex(model.State.Get(key)), Hex(atRoot.Get(key))));
            }

            foreach (var (root, values) in history)
            {
                var atRoot = model.State.Tree.At(root);
                Assert.All(universe, key => Assert.Equal(values.GetValueOrDefault(Bytes.Hex(key)), Hex(atRoot.Get(key))));
            }
        }, iter: Generators.Iterations, threads: 1);
    }

    [Fact]
    public void The_empty_root_holds_no_key()
    {
        using var store = new MemoryStore();
        var tree = new StateTree(store);

        Assert.Null(tree.Get(StateTree.EmptyRoot, Alice));
        Assert.Null(tree.At(StateTree.EmptyRoot).Get([]));
    }

    [Fact]
    public void Apply_puts_each_new_value_once_by_its_hash_in_the_blocks_batch_and_keeps_old_values()
    {
        using var store = new MemoryStore();
        var state = new ChainState(store);
        var batch = new WriteBatch();

        state.Apply([StateChange.Put(Alice, [7]), StateChange.Put(Bob, [7]), StateChange.Put(Carol, [8]), StateChange.Put(Carol, [9])], batch);

        // Nothing reaches the store before the batch is written.
        Assert.Equal(0, store.Count(Column.StateValues));
        store.Write(batch);
        Assert.Equal(2, store.Count(Column.StateValues)); // [7] shared by two keys; Carol's [8] was overwritten in the same set
        Assert.Equal([9], store.Get(Column.StateValues, TreeHashing.ValueHashOf([9])));

        Commit(store, state, [StateChange.Delete(Alice), StateChange.Delete(Bob), StateChange.Put(Carol, [10])]);
        Assert.Equal(3, store.Count(Column.StateValues));
        Assert.Equal([7], store.Get(Column.StateValues, TreeHashing.ValueHashOf([7])));
    }

    [Fact]
    public void A_value_missing_from_an_older_database_is_an_error_naming_resync_while_absent_keys_still_read_null()
    {
        using var store = new MemoryStore();
        var state = new ChainState(store);
        var root = Commit(store, state, [StateChange.Put(Alice, [1]), StateChange.Put(Bob, [2])]);
        var forget = new WriteBatch();
        forget.Delete(Column.StateValues, TreeHashing.ValueHashOf([1])); // as a node that kept only the flat state wrote it
        store.Write(forget);

        var error = Assert.Throws<StorageException>(() => state.Tree.Get(root, Alice));

        Assert.Contains($"holds key 0x{Bytes.Hex(Alice)}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"column {Column.StateValues} has no value for it", error.Message, StringComparison.Ordinal);
        Assert.Contains("delete the data directory and resync", error.Message, StringComparison.Ordinal);
        Assert.Equal([2], state.Tree.Get(root, Bob));
        Assert.Null(state.Tree.Get(root, Nobody));
    }

    [Fact]
    public void A_root_this_database_never_stored_is_an_error_naming_the_missing_node()
    {
        using var store = new MemoryStore();
        var state = new ChainState(store);
        Commit(store, state, [StateChange.Put(Alice, [1])]);
        var foreign = Hash256.Of(Bytes.Utf8("a root from another database"));

        var error = Assert.Throws<StorageException>(() => state.Tree.At(foreign).Get(Alice));

        Assert.Contains($"state tree node {foreign} is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_RocksDB_database_from_before_the_values_column_opens_and_explains_past_reads_it_cannot_serve()
    {
        using var directory = new TempDirectory();
        Hash256 oldRoot;
        using (var store = RocksDbStore.Open(directory.Path))
        {
            var state = new ChainState(store);
            oldRoot = Commit(store, state, [StateChange.Put(Alice, [1])]);
        }

        DropValuesColumnFamily(directory.Path);

        using var reopened = RocksDbStore.Open(directory.Path);
        var upgraded = new ChainState(reopened);
        upgraded.VerifyOnOpen();
        var newRoot = Commit(reopened, upgraded, [StateChange.Put(Bob, [2])]);

        Assert.Equal([1], upgraded.Get(Alice));
        Assert.Equal([2], upgraded.Tree.Get(newRoot, Bob));
        Assert.Contains("resync", Assert.Throws<StorageException>(() => upgraded.Tree.Get(oldRoot, Alice)).Message, StringComparison.Ordinal);
        Assert.Contains("resync", Assert.Throws<StorageException>(() => upgraded.Tree.Get(newRoot, Alice)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeping_the_best_states_values_on_open_makes_an_upgraded_database_readable_from_then_on_once()
    {
        using var store = new MemoryStore();
        var state = new ChainState(store);
        Commit(store, state, [StateChange.Put(Alice, [1]), StateChange.Put(Bob, [1]), StateChange.Put(Carol, [3])]);
        var forget = new WriteBatch();
        forget.Delete(Column.StateValues, TreeHashing.ValueHashOf([1]));
        forget.Delete(Column.StateValues, TreeHashing.ValueHashOf([3]));
        store.Write(forget);

        var kept = state.KeepValuesOfBestState();
        var keptAgain = state.KeepValuesOfBestState();
        var root = Commit(store, state, [StateChange.Put(Bob, [2])]);

        Assert.Equal(3, kept);
        Assert.Equal(0, keptAgain);
        Assert.Equal("alice=01 bob=02 carol=03 nobody=absent", ReadAll(state.Tree.At(root)));
    }

    [Fact]
    public void Keeping_the_values_of_an_empty_state_writes_nothing()
    {
        using var store = new MemoryStore();

        Assert.Equal(0, new ChainState(store).KeepValuesOfBestState());
        Assert.Equal(0, store.WriteCount);
    }

    private static void DropValuesColumnFamily(string path)
    {
        var families = new RocksDbSharp.ColumnFamilies();
        foreach (var column in Enum.GetValues<Column>())
        {
            families.Add(RocksDbColumns.NameOf(column), new RocksDbSharp.ColumnFamilyOptions());
        }

        using var db = RocksDbSharp.RocksDb.Open(new RocksDbSharp.DbOptions(), path, families);
        db.DropColumnFamily(RocksDbColumns.NameOf(Column.StateValues));
    }

    private static Hash256 Commit(IKeyValueStore store, ChainState state, IReadOnlyList<StateChange> changes)
    {
        var batch = new WriteBatch();
        var root = state.Apply(changes, batch);
        store.Write(batch);
        return root;
    }

    private static string ReadAll(IStateLookup state) => string.Join(' ',
        new[] { Alice, Bob, Carol, Nobody }.Select(key => $"{Encoding.UTF8.GetString(key)["balance/".Length..]}={Hex(state.Get(key)) ?? "absent"}"));

    private static string? Hex(byte[]? value) => value is null ? null : Bytes.Hex(value);

    /// <summary>Every key <see cref="Generators.Key"/> can produce: lengths 0 to 2, bytes 0 to 15.</summary>
    private static byte[][] AllKeys()
    {
        var keys = new List<byte[]> { Array.Empty<byte>() };
        for (var a = 0; a < 16; a++)
        {
            keys.Add([(byte)a]);
            for (var b = 0; b < 16; b++)
            {
                keys.Add([(byte)a, (byte)b]);
            }
        }

        return [.. keys];
    }
}
