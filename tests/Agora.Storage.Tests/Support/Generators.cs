using CsCheck;

namespace Agora.Storage.Tests.Support;

public static class Generators
{
    /// <summary>Cases per property.</summary>
    public const long Iterations = 300;

    /// <summary>Short keys from a small space, so that sets overlap and updates happen.</summary>
    public static readonly Gen<byte[]> Key = Gen.Byte[0, 15].Array[0, 2];

    public static readonly Gen<byte[]> Value = Gen.Byte.Array[0, 6];

    public static readonly Gen<StateChange> Change = Gen.Frequency(
        (3, Gen.Select(Key, Value, static (k, v) => new StateChange(k, v))),
        (1, Key.Select(static k => new StateChange(k, null))));

    public static readonly Gen<StateChange[]> ChangeSet = Change.Array[0, 24];

    /// <summary>A state as distinct key-values.</summary>
    public static readonly Gen<KeyValuePair<byte[], byte[]>[]> State =
        Gen.Select(Key, Value, static (k, v) => new KeyValuePair<byte[], byte[]>(k, v)).Array[0, 40]
            .Select(static entries => entries.DistinctBy(static e => Convert.ToHexString(e.Key)).ToArray());
}
