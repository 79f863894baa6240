using System.Buffers.Binary;

namespace Agora.Storage.CrashWriter;

/// <summary>
/// The deterministic blocks the crash writer commits: the test replays the same blocks in memory to know exactly
/// what the database must hold after any number of them.
/// </summary>
public static class CrashWorkload
{
    /// <summary>State changes per block.</summary>
    public const int ChangesPerBlockCount = 64;

    /// <summary>Distinct state keys the blocks touch.</summary>
    public const int KeySpaceCount = 2_000;

    /// <summary>Bytes of the block body stored with each block, to make every batch large.</summary>
    public const int BlockBodyBytes = 16 * 1024;

    /// <summary>Meta key holding the number (u64 LE) of the last committed block.</summary>
    public static ReadOnlySpan<byte> HeightKey => "crash/height"u8;

    /// <summary>The state changes of block <paramref name="height"/> (1-based); the same in every process (seeded <see cref="Random"/>, never <see cref="HashCode"/>).</summary>
    public static StateChange[] ChangesOf(int seed, long height)
    {
        var random = new Random(unchecked((seed * 7919) + (int)height));
        var changes = new StateChange[ChangesPerBlockCount];
        for (var i = 0; i < changes.Length; i++)
        {
            var key = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(key, random.Next(KeySpaceCount));
            byte[]? value = null;
            if (random.Next(5) != 0)
            {
                value = new byte[16 + random.Next(200)];
                random.NextBytes(value);
                BinaryPrimitives.WriteInt64LittleEndian(value, height);
            }

            changes[i] = new StateChange(key, value);
        }

        return changes;
    }

    /// <summary>The whole batch of block <paramref name="height"/>: state, tree, root, block body and height.</summary>
    public static WriteBatch BatchOf(ChainState state, int seed, long height)
    {
        ArgumentNullException.ThrowIfNull(state);
        var batch = new WriteBatch();
        state.Apply(ChangesOf(seed, height), batch);
        var number = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, height);
        var body = new byte[BlockBodyBytes];
        new Random(unchecked((seed * 7919) - (int)height)).NextBytes(body);
        batch.Put(Column.Blocks, number, body);
        batch.Put(Column.BlockIndex, number, number);
        batch.Put(Column.Meta, HeightKey, BitConverter.GetBytes(height));
        return batch;
    }

    /// <summary>The last committed block number in <paramref name="store"/> (0 before the first).</summary>
    public static long HeightOf(IKeyValueStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = store.Get(Column.Meta, HeightKey);
        return stored is null ? 0 : BitConverter.ToInt64(stored);
    }
}
