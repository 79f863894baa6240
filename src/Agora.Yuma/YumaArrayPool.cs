using System.Buffers;
using System.Runtime.InteropServices;

namespace Agora.Yuma;

/// <summary>
/// Where the epoch's working arrays come from: <see cref="ArrayPool{T}.Shared"/>, so an epoch does not allocate (and
/// page in) megabytes of fresh memory. A rented array holds stale data from its last user, so a step writes every entry
/// it reads. Tests check that by setting <see cref="PoisonOnRent"/>: every array rented then comes filled with
/// <see cref="PoisonByte"/>, and a step that reads an entry before writing it computes garbage instead of a plausible
/// stale value.
/// </summary>
internal static class YumaArrayPool
{
    /// <summary>The byte a poisoned array is filled with: 0xA5A5A5A5 as an int and a large negative I32F32.</summary>
    public const byte PoisonByte = 0xA5;

    [ThreadStatic]
    private static bool _poisonOnRent;

    /// <summary>
    /// Test hook, off unless a test sets it: fill every array rented on this thread with <see cref="PoisonByte"/>. Per
    /// thread, so tests running in parallel (and the allocation budget tests) are not affected; a test that runs work on
    /// other threads sets it on each.
    /// </summary>
    public static bool PoisonOnRent
    {
        get => _poisonOnRent;
        set => _poisonOnRent = value;
    }

    /// <summary>An array of at least <paramref name="length"/> elements, holding stale data; give it back with <see cref="Return{T}"/>.</summary>
    public static T[] Rent<T>(int length)
        where T : unmanaged
    {
        var array = ArrayPool<T>.Shared.Rent(length);
        if (_poisonOnRent)
        {
            MemoryMarshal.AsBytes(array.AsSpan()).Fill(PoisonByte);
        }

        return array;
    }

    /// <summary>Gives an array from <see cref="Rent{T}"/> back; it must not be used afterwards.</summary>
    public static void Return<T>(T[] array)
        where T : unmanaged => ArrayPool<T>.Shared.Return(array);
}
