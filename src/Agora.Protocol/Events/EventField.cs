namespace Agora.Protocol.Events;

/// <summary>
/// One named field of an event or call, for renderers (RPC JSON, CLI). Values are <c>AccountId</c>, <c>Rao</c>,
/// integers, <c>bool</c>, <c>string</c>, <c>Proportion16</c>, enums, or null.
/// </summary>
public readonly record struct EventField(string Name, object? Value);
