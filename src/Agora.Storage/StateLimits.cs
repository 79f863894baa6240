namespace Agora.Storage;

/// <summary>Limits on chain state entries. Changing one is a rule change: version it.</summary>
public static class StateLimits
{
    /// <summary>Longest state key.</summary>
    public const int KeyBytesMax = 256;

    /// <summary>Largest state value (1 MiB).</summary>
    public const int ValueBytesMax = 1 << 20;

    /// <summary>Most changes in one change set (one block).</summary>
    public const int ChangesPerSetCountMax = 1 << 20;

    /// <summary>Throws, naming the offending entry and the limit, if any change is outside the limits.</summary>
    public static void Check(IReadOnlyList<StateChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count > ChangesPerSetCountMax)
        {
            throw new ArgumentException(
                $"a change set holds at most {ChangesPerSetCountMax} changes, got {changes.Count}; split the work over blocks",
                nameof(changes));
        }

        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            if (change.Key is null)
            {
                throw new ArgumentException($"change {i} has a null key; every change needs a key", nameof(changes));
            }

            if (change.Key.Length > KeyBytesMax)
            {
                throw new ArgumentException(
                    $"change {i}: state keys are at most {KeyBytesMax} bytes, got {change.Key.Length}; hash long keys first",
                    nameof(changes));
            }

            if (change.Value is { Length: > ValueBytesMax })
            {
                throw new ArgumentException(
                    $"change {i}: state values are at most {ValueBytesMax} bytes, got {change.Value.Length}; split the value over several keys",
                    nameof(changes));
            }
        }
    }
}
