namespace Agora.Storage;

/// <summary>
/// The in-memory twin of the RocksDB store: sorted byte-order keys per column, atomic batches, snapshot iteration.
/// Every test that is not about RocksDB uses it. It can simulate faults: <see cref="FailWriteAfter"/> makes the next
/// write fail part-way (nothing of that batch applies) and <see cref="CloneCommitted"/> gives what a restart after a
/// crash would see (every committed batch, nothing else).
/// </summary>
public sealed class MemoryStore : IKeyValueStore
{
    private static readonly int _columnCount = Enum.GetValues<Column>().Length;

    private readonly Lock _lock = new();
    private readonly SortedSet<Entry>[] _columns;
    private int _failAfterOperations = -1;
    private bool _disposed;

    /// <summary>An empty store.</summary>
    public MemoryStore()
    {
        _columns = new SortedSet<Entry>[_columnCount];
        for (var i = 0; i < _columnCount; i++)
        {
            _columns[i] = new SortedSet<Entry>(Entry.Order);
        }
    }

    /// <summary>Batches written so far (successful writes only).</summary>
    public long WriteCount { get; private set; }

    /// <inheritdoc />
    public byte[]? Get(Column column, ReadOnlySpan<byte> key)
    {
        var probe = new Entry(key.ToArray(), []);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return ColumnOf(column).TryGetValue(probe, out var found) ? (byte[])found.Value.Clone() : null;
        }
    }

    /// <inheritdoc />
    /// <remarks>Sees the store as it was when called (like a RocksDB iterator), even if writes follow.</remarks>
    public IEnumerable<KeyValuePair<byte[], byte[]>> Iterate(Column column, ReadOnlyMemory<byte> prefix)
    {
        List<KeyValuePair<byte[], byte[]>> snapshot;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            snapshot = [];
            var entries = ColumnOf(column);
            var lower = new Entry(prefix.ToArray(), []);
            if (entries.Count == 0 || Entry.Order.Compare(lower, entries.Max) > 0)
            {
                return [];
            }

            // A SortedSet view counts its whole range when made, so bound it by the prefix's end, not the set's maximum.
            var prefixEnd = ByteOrder.PrefixEnd(prefix.Span);
            var upper = prefixEnd is not null && Entry.Order.Compare(new Entry(prefixEnd, []), entries.Max) < 0 ? new Entry(prefixEnd, []) : entries.Max!;
            foreach (var entry in entries.GetViewBetween(lower, upper))
            {
                if (!entry.Key.AsSpan().StartsWith(prefix.Span))
                {
                    break;
                }

                snapshot.Add(new KeyValuePair<byte[], byte[]>(entry.Key, entry.Value));
            }
        }

        return Copy(snapshot);
    }

    /// <inheritdoc />
    public void Write(WriteBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // Stage first (the step that may fail), then apply in one go: a failure leaves the store untouched.
            var staged = new List<WriteOperation>(batch.Operations.Count);
            foreach (var operation in batch.Operations)
            {
                if (_failAfterOperations >= 0 && staged.Count >= _failAfterOperations)
                {
                    _failAfterOperations = -1;
                    throw new IOException(
                        $"simulated write failure after {staged.Count} of {batch.Operations.Count} operations; nothing of the batch was applied");
                }

                staged.Add(operation);
            }

            foreach (var operation in staged)
            {
                var column = ColumnOf(operation.Column);
                var entry = new Entry((byte[])operation.Key.Clone(), operation.Value is null ? [] : (byte[])operation.Value.Clone());
                column.Remove(entry);
                if (operation.Value is not null)
                {
                    column.Add(entry);
                }
            }

            WriteCount++;
        }
    }

    /// <summary>
    /// Fault injection: the next <see cref="Write"/> throws an <see cref="IOException"/> after staging
    /// <paramref name="operationCount"/> operations, and applies none of them. Later writes succeed again.
    /// </summary>
    public void FailWriteAfter(int operationCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(operationCount);
        lock (_lock)
        {
            _failAfterOperations = operationCount;
        }
    }

    /// <summary>What a process restarting after a crash would find: a new store holding every committed batch.</summary>
    public MemoryStore CloneCommitted()
    {
        var clone = new MemoryStore();
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            for (var i = 0; i < _columnCount; i++)
            {
                foreach (var entry in _columns[i])
                {
                    clone._columns[i].Add(entry);
                }
            }
        }

        return clone;
    }

    /// <summary>Number of entries in <paramref name="column"/>.</summary>
    public int Count(Column column)
    {
        lock (_lock)
        {
            return ColumnOf(column).Count;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
        }
    }

    private static IEnumerable<KeyValuePair<byte[], byte[]>> Copy(List<KeyValuePair<byte[], byte[]>> snapshot)
    {
        foreach (var entry in snapshot)
        {
            yield return new KeyValuePair<byte[], byte[]>((byte[])entry.Key.Clone(), (byte[])entry.Value.Clone());
        }
    }

    private SortedSet<Entry> ColumnOf(Column column)
    {
        var index = (int)column;
        if (index >= _columnCount)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"unknown column; expected one of {string.Join(", ", Enum.GetNames<Column>())}");
        }

        return _columns[index];
    }

    /// <summary>A stored key and value; immutable once stored (a write replaces the entry).</summary>
    private sealed class Entry(byte[] key, byte[] value)
    {
        public static readonly Comparer<Entry> Order = Comparer<Entry>.Create((x, y) => x.Key.AsSpan().SequenceCompareTo(y.Key));

        public byte[] Key { get; } = key;

        public byte[] Value { get; } = value;
    }
}
