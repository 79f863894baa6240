using Agora.Storage;

namespace Agora.Runtime.Tests;

/// <summary>A flat in-memory state that applies change sets, for runtime tests.</summary>
internal sealed class TestState : IStateReader
{
    private readonly SortedDictionary<byte[], byte[]> _values = new(ByteOrder.Instance);

    public byte[]? Get(ReadOnlySpan<byte> key) => _values.TryGetValue(key.ToArray(), out var value) ? value : null;

    public IEnumerable<KeyValuePair<byte[], byte[]>> Iterate(ReadOnlyMemory<byte> prefix) => WithPrefix(prefix.ToArray()).ToArray();

    public void Apply(IReadOnlyList<StateChange> changes)
    {
        foreach (var (key, value) in changes.Select(c => (c.Key, c.Value)))
        {
            if (value is null)
            {
                _values.Remove(key);
            }
            else
            {
                _values[key] = value;
            }
        }
    }

    public IEnumerable<KeyValuePair<byte[], byte[]>> WithPrefix(byte[] prefix) =>
        _values.Where(entry => entry.Key.AsSpan().StartsWith(prefix));

    public TestState Copy()
    {
        var copy = new TestState();
        foreach (var (key, value) in _values)
        {
            copy._values[key] = value;
        }

        return copy;
    }

    public string Fingerprint() => string.Join(";", _values.Select(e => Convert.ToHexString(e.Key) + "=" + Convert.ToHexString(e.Value)));
}
