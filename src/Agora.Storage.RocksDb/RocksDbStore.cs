using RocksDbSharp;

namespace Agora.Storage.RocksDb;

/// <summary>
/// The RocksDB store: one column family per <see cref="Column"/>, write-ahead log on, every batch written with
/// sync so that a committed block survives kill -9 and power loss. Thread-safe; dispose to close.
/// </summary>
public sealed class RocksDbStore : IKeyValueStore
{
    private readonly RocksDbSharp.RocksDb _db;
    private readonly ColumnFamilyHandle[] _handles;
    private readonly WriteOptions _syncWrite = new WriteOptions().SetSync(true);
    private int _disposed;

    private RocksDbStore(RocksDbSharp.RocksDb db, string directory)
    {
        _db = db;
        Directory = directory;
        _handles = [.. Enum.GetValues<Column>().Select(column => db.GetColumnFamily(RocksDbColumns.NameOf(column)))];
    }

    /// <summary>The data directory.</summary>
    public string Directory { get; }

    /// <summary>
    /// Most table files RocksDB keeps open (its default, −1, keeps every one open, so its descriptors grow with the
    /// chain). Bounded so that the RPC server's connection limit, which it derives from the descriptors left free at
    /// start minus a reserve of 256, stays true as the chain grows.
    /// </summary>
    public const int TableFilesOpenMax = 128;

    /// <summary>
    /// Opens (creating if missing) the store in <paramref name="directory"/>. Throws a <see cref="StorageException"/>
    /// naming the fix if another process holds it or it is corrupt.
    /// </summary>
    public static RocksDbStore Open(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var fullPath = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(fullPath);

        var options = new DbOptions()
            .SetMaxOpenFiles(TableFilesOpenMax)
            .SetCreateIfMissing(true)
            .SetCreateMissingColumnFamilies(true)
            .SetParanoidChecks(true);
        var families = new ColumnFamilies();
        foreach (var column in Enum.GetValues<Column>())
        {
            families.Add(RocksDbColumns.NameOf(column), new ColumnFamilyOptions());
        }

        RocksDbSharp.RocksDb db;
        try
        {
            db = RocksDbSharp.RocksDb.Open(options, fullPath, families);
        }
        catch (RocksDbException e)
        {
            throw Explain(e, fullPath);
        }

        try
        {
            return new RocksDbStore(db, fullPath);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public byte[]? Get(Column column, ReadOnlySpan<byte> key)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _db.Get(key, HandleOf(column));
    }

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<byte[], byte[]>> Iterate(Column column, ReadOnlyMemory<byte> prefix)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return Scan(HandleOf(column), prefix.ToArray());
    }

    /// <inheritdoc />
    public void Write(WriteBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        using var native = new RocksDbSharp.WriteBatch();
        foreach (var operation in batch.Operations)
        {
            if (operation.Value is null)
            {
                native.Delete(operation.Key, HandleOf(operation.Column));
            }
            else
            {
                native.Put(operation.Key, operation.Value, HandleOf(operation.Column));
            }
        }

        try
        {
            _db.Write(native, _syncWrite);
        }
        catch (RocksDbException e)
        {
            throw new StorageException(
                $"writing a batch of {batch.Operations.Count} operations to {Directory} failed ({e.Message}); nothing of it " +
                "was applied. Check free disk space and permissions, then restart the node",
                e);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _db.Dispose();
        }
    }

    private static StorageException Explain(RocksDbException e, string directory)
    {
        var message = e.Message;

        // Matched without the path, which may itself hold "lock" (a folder named "blocks") or "Corruption".
        var cause = message.Replace(directory, string.Empty, StringComparison.Ordinal);
        if (cause.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            return new StorageException(
                $"another node is using {directory} (its LOCK file is held): stop that node, or give this one another data directory",
                e);
        }

        if (cause.Contains("Corruption", StringComparison.OrdinalIgnoreCase))
        {
            return new StorageException(
                $"the database in {directory} is corrupt ({message}): restore it from a backup, or delete the directory and resync",
                e);
        }

        if (cause.Contains("Column famil", StringComparison.OrdinalIgnoreCase))
        {
            return new StorageException(
                $"the database in {directory} has column families this version does not know ({message}): it was written by a " +
                "newer Agora; upgrade the node",
                e);
        }

        return new StorageException($"cannot open the database in {directory} ({message}): check the path and its permissions", e);
    }

    private IEnumerable<KeyValuePair<byte[], byte[]>> Scan(ColumnFamilyHandle handle, byte[] prefix)
    {
        var readOptions = new ReadOptions();
        var end = ByteOrder.PrefixEnd(prefix);
        if (end is not null)
        {
            readOptions.SetIterateUpperBound(end);
        }

        using var iterator = _db.NewIterator(handle, readOptions);
        iterator.Seek(prefix);
        while (iterator.Valid())
        {
            var key = iterator.Key();
            if (!key.AsSpan().StartsWith(prefix))
            {
                yield break;
            }

            yield return new KeyValuePair<byte[], byte[]>(key, iterator.Value());
            iterator.Next();
        }

        GC.KeepAlive(readOptions);
    }

    private ColumnFamilyHandle HandleOf(Column column)
    {
        var index = (int)column;
        if (index >= _handles.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"unknown column; expected one of {string.Join(", ", Enum.GetNames<Column>())}");
        }

        return _handles[index];
    }
}
