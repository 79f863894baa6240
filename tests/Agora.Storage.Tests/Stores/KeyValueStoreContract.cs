using Agora.Storage.Tests.Support;

namespace Agora.Storage.Tests.Stores;

/// <summary>What every <see cref="IKeyValueStore"/> does; run against the memory twin and RocksDB alike.</summary>
public abstract class KeyValueStoreContract : IDisposable
{
    protected abstract IKeyValueStore Store { get; }

    public abstract void Dispose();

    [Fact]
    public void A_written_value_is_read_back_and_a_missing_key_reads_as_null()
    {
        var batch = new WriteBatch();
        batch.Put(Column.State, [1, 2], [3]);
        batch.Put(Column.State, [], [4]);

        Store.Write(batch);

        Assert.Equal([3], Store.Get(Column.State, [1, 2]));
        Assert.Equal([4], Store.Get(Column.State, []));
        Assert.Null(Store.Get(Column.State, [1]));
    }

    [Fact]
    public void Columns_are_separate_key_spaces()
    {
        var batch = new WriteBatch();
        batch.Put(Column.State, [1], [10]);
        batch.Put(Column.Meta, [1], [20]);

        Store.Write(batch);

        Assert.Equal([10], Store.Get(Column.State, [1]));
        Assert.Equal([20], Store.Get(Column.Meta, [1]));
        Assert.Null(Store.Get(Column.Blocks, [1]));
    }

    [Fact]
    public void Within_a_batch_the_later_operation_on_a_key_wins()
    {
        var batch = new WriteBatch();
        batch.Put(Column.State, [1], [1]);
        batch.Delete(Column.State, [1]);
        batch.Put(Column.State, [2], [1]);
        batch.Delete(Column.State, [2]);
        batch.Put(Column.State, [2], [2]);

        Store.Write(batch);

        Assert.Null(Store.Get(Column.State, [1]));
        Assert.Equal([2], Store.Get(Column.State, [2]));
    }

    [Fact]
    public void Delete_removes_and_deleting_a_missing_key_is_fine()
    {
        Write(Column.State, [5], [5]);
        var batch = new WriteBatch();
        batch.Delete(Column.State, [5]);
        batch.Delete(Column.State, [6]);

        Store.Write(batch);

        Assert.Null(Store.Get(Column.State, [5]));
    }

    [Fact]
    public void Iterate_returns_the_keys_with_the_prefix_in_ascending_unsigned_byte_order()
    {
        byte[][] keys = [[0x01], [0x01, 0x00], [0x01, 0xFF], [0x01, 0x80, 0x01], [0x02], [0x00, 0x01], [0xFF], [0xFF, 0xFF], [0x01, 0x7F]];
        var batch = new WriteBatch();
        foreach (var key in keys)
        {
            batch.Put(Column.State, key, [.. key, 0xAA]);
        }

        Store.Write(batch);

        Assert.Equal(
            ["01", "0100", "017f", "018001", "01ff"],
            Store.Iterate(Column.State, new byte[] { 0x01 }).Select(static e => Bytes.Hex(e.Key)));
        Assert.Equal(["ff", "ffff"], Store.Iterate(Column.State, new byte[] { 0xFF }).Select(static e => Bytes.Hex(e.Key)));
        Assert.Equal(keys.Length, Store.Iterate(Column.State, ReadOnlyMemory<byte>.Empty).Count());
        Assert.Equal(
            keys.Select(static k => Bytes.Hex(k)).Order(StringComparer.Ordinal),
            Store.Iterate(Column.State, ReadOnlyMemory<byte>.Empty).Select(static e => Bytes.Hex(e.Key)));
        Assert.All(Store.Iterate(Column.State, ReadOnlyMemory<byte>.Empty), static e => Assert.Equal([.. e.Key, 0xAA], e.Value));
        Assert.Empty(Store.Iterate(Column.State, new byte[] { 0x03 }));
        Assert.Empty(Store.Iterate(Column.Blocks, ReadOnlyMemory<byte>.Empty));
    }

    [Fact]
    public void An_iteration_sees_the_store_as_it_was_when_it_started()
    {
        Write(Column.State, [1], [1]);
        Write(Column.State, [2], [2]);

        using var iteration = Store.Iterate(Column.State, ReadOnlyMemory<byte>.Empty).GetEnumerator();
        Assert.True(iteration.MoveNext());
        Write(Column.State, [3], [3]);
        var rest = new List<byte[]>();
        while (iteration.MoveNext())
        {
            rest.Add(iteration.Current.Key);
        }

        Assert.Equal([[2]], rest);
    }

    [Fact]
    public void Returned_arrays_are_copies_the_caller_may_change()
    {
        Write(Column.State, [1], [1]);

        Store.Get(Column.State, [1])![0] = 99;
        Store.Iterate(Column.State, ReadOnlyMemory<byte>.Empty).First().Value[0] = 99;

        Assert.Equal([1], Store.Get(Column.State, [1]));
    }

    [Fact]
    public void Large_values_and_many_keys_round_trip()
    {
        var large = new byte[StateLimits.ValueBytesMax];
        new Random(1).NextBytes(large);
        var batch = new WriteBatch();
        batch.Put(Column.Blocks, [0], large);
        for (var i = 0; i < 5_000; i++)
        {
            batch.Put(Column.State, BitConverter.GetBytes(i), BitConverter.GetBytes(-i));
        }

        Store.Write(batch);

        Assert.Equal(large, Store.Get(Column.Blocks, [0]));
        Assert.Equal(5_000, Store.Iterate(Column.State, ReadOnlyMemory<byte>.Empty).Count());
    }

    [Fact]
    public void A_store_used_after_dispose_says_so()
    {
        Dispose();

        Assert.Throws<ObjectDisposedException>(() => Store.Get(Column.State, [1]));
        Assert.Throws<ObjectDisposedException>(() => Store.Write(new WriteBatch()));
    }

    private void Write(Column column, byte[] key, byte[] value)
    {
        var batch = new WriteBatch();
        batch.Put(column, key, value);
        Store.Write(batch);
    }
}
