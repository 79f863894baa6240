using Agora.Storage.RocksDb;
using Agora.Storage.Tests.Support;

namespace Agora.Storage.Tests.Stores;

public sealed class RocksDbStoreTests
{
    [Fact]
    public void Reopening_resumes_exactly_with_the_same_values_and_root()
    {
        using var directory = new TempDirectory();
        using var model = new StateModel();
        var random = new Random(7);
        Agora.Core.Primitives.Hash256 root;
        using (var store = RocksDbStore.Open(directory.Path))
        {
            var state = new ChainState(store);
            for (var block = 0; block < 20; block++)
            {
                var changes = Enumerable.Range(0, 50)
                    .Select(_ => new StateChange([(byte)random.Next(64)], random.Next(4) == 0 ? null : [(byte)block, (byte)random.Next()]))
                    .ToArray();
                var batch = new WriteBatch();
                root = state.Apply(changes, batch);
                store.Write(batch);
                Assert.Equal(model.Commit(changes), root);
            }
        }

        using var reopened = RocksDbStore.Open(directory.Path);
        var resumed = new ChainState(reopened);

        resumed.VerifyOnOpen();
        Assert.Equal(model.State.Root, resumed.Root);
        Assert.Equal(resumed.Root, resumed.VerifyFull());
        Assert.Equal(
            model.Expected.Select(static e => Bytes.Hex(e.Key) + "=" + Bytes.Hex(e.Value)),
            resumed.Iterate(ReadOnlyMemory<byte>.Empty).Select(static e => Bytes.Hex(e.Key) + "=" + Bytes.Hex(e.Value)));
    }

    [Fact]
    public void Opening_a_directory_in_use_says_another_node_is_using_it()
    {
        using var directory = new TempDirectory();
        using var first = RocksDbStore.Open(directory.Path);

        var error = Assert.Throws<StorageException>(() => OpenAndClose(directory.Path));

        Assert.Contains($"another node is using {directory.Path}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_a_corrupt_database_says_it_is_corrupt_and_what_to_do()
    {
        using var directory = new TempDirectory();
        using (RocksDbStore.Open(directory.Path))
        {
        }

        foreach (var manifest in Directory.GetFiles(directory.Path, "MANIFEST-*"))
        {
            File.WriteAllBytes(manifest, new byte[4096]);
        }

        var error = Assert.Throws<StorageException>(() => OpenAndClose(directory.Path));

        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
        Assert.Contains("restore it from a backup", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_database_in_a_folder_whose_name_holds_lock_is_reported_as_corrupt_not_in_use()
    {
        // Given a corrupt database in a folder named "blocks" (its path contains "lock")
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "blocks");
        using (RocksDbStore.Open(path))
        {
        }

        foreach (var manifest in Directory.GetFiles(path, "MANIFEST-*"))
        {
            File.WriteAllBytes(manifest, new byte[4096]);
        }

        // When it is opened
        var error = Assert.Throws<StorageException>(() => OpenAndClose(path));

        // Then the error is about corruption, not about another node holding the folder
        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("another node", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_closes_the_database_so_it_can_be_opened_again()
    {
        using var directory = new TempDirectory();
        using (var store = RocksDbStore.Open(directory.Path))
        {
#pragma warning disable IDISP016, IDISP017 // disposing twice is the point
            store.Dispose();
#pragma warning restore IDISP016, IDISP017
        }

        using var again = RocksDbStore.Open(directory.Path);

        Assert.Null(again.Get(Column.Meta, MetaKeys.StateRoot));
    }

    private static void OpenAndClose(string path)
    {
        using var store = RocksDbStore.Open(path);
    }
}
