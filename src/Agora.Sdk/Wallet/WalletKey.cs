namespace Agora.Sdk.Wallet;

/// <summary>One key of a wallet as listed: its clear info, or why it could not be read.</summary>
/// <param name="Name">"coldkey" or the hotkey's name.</param>
/// <param name="IsHotkey">True for a hotkey.</param>
/// <param name="Info">The public key and encryption flag, when readable.</param>
/// <param name="Problem">Why the file could not be read, otherwise null.</param>
public sealed record WalletKey(string Name, bool IsHotkey, KeyfileInfo? Info, string? Problem);
