namespace Agora.Sdk.Wallet;

/// <summary>A wallet as listed: its coldkey (if present) and its hotkeys in name order.</summary>
/// <param name="Name">The wallet's name (its directory).</param>
/// <param name="Coldkey">The coldkey, or null when the wallet has none.</param>
/// <param name="Hotkeys">The hotkeys, ordered by name.</param>
public sealed record WalletSummary(string Name, WalletKey? Coldkey, IReadOnlyList<WalletKey> Hotkeys);
