using System.Text.Json;

namespace Agora.Sdk.Client;

/// <summary>The part of the full <c>chain_getBlock</c> that an inclusion reads: the block's events.</summary>
internal sealed record BlockEvents(IReadOnlyList<JsonElement>? Events);
