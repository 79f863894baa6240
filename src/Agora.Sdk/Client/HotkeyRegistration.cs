namespace Agora.Sdk.Client;

/// <summary>Where a hotkey holds a uid (<c>agora_getHotkey</c>'s <c>registrations</c>).</summary>
/// <param name="Netuid">The subnet.</param>
/// <param name="Uid">Its uid there.</param>
/// <param name="Emission">What its last epoch there paid it.</param>
public sealed record HotkeyRegistration(ushort Netuid, ushort Uid, Agora.Core.Primitives.Rao Emission);
