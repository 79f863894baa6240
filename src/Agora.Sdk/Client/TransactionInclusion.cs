using System.Text.Json;
using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>
/// Where a submitted transaction landed: the block, its index there, and the events it emitted (as
/// <c>chain_getBlock</c> renders them). <see cref="Failure"/> is set when its call failed at block time.
/// </summary>
public sealed record TransactionInclusion(Hash256 TransactionHash, ulong BlockNumber, Hash256 BlockHash, int Index, IReadOnlyList<JsonElement> Events)
{
    /// <summary>The <c>call_failed</c> event of this transaction, or null when its call succeeded.</summary>
    public CallFailure? Failure { get; } = FindFailure(Events);

    /// <summary>The first event named <paramref name="name"/> (snake_case) this transaction emitted, or null.</summary>
    public JsonElement? Event(string name) =>
        Events.FirstOrDefault(e => e.TryGetProperty("name", out var n) && n.ValueEquals(name)) is { ValueKind: JsonValueKind.Object } found ? found : null;

    /// <summary>This inclusion, or a <see cref="CallFailedException"/> when the call failed.</summary>
    public TransactionInclusion EnsureSucceeded() => Failure is { } failure ? throw new CallFailedException(this, failure) : this;

    private static CallFailure? FindFailure(IReadOnlyList<JsonElement> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            if (e.TryGetProperty("name", out var name) && name.ValueEquals("call_failed"))
            {
                return new CallFailure(
                    e.GetProperty("module").GetString() ?? "unknown", e.GetProperty("error").GetString() ?? "unknown", e.GetProperty("error_code").GetUInt16());
            }
        }

        return null;
    }
}
