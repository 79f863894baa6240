namespace Agora.Protocol.Events;

/// <summary>A u16 proportion (value / 65,535), such as a delegate take, kept as the chain stores it.</summary>
public readonly record struct Proportion16(ushort Value);
