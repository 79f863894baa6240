using Agora.Core.Crypto;
using Agora.Sdk.Wallet;

namespace Agora.Sdk.Subnets;

/// <summary>Loads a host's hotkey as its options say: a development URI, or a wallet's hotkey file.</summary>
public static class HotkeySource
{
    /// <summary>The hotkey of <paramref name="options"/>; throws naming what to set when neither source is given.</summary>
    public static KeyPair Load(SubnetHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.HotkeyUri))
        {
            return KeyPair.FromUri(options.HotkeyUri);
        }

        if (string.IsNullOrEmpty(options.Wallet))
        {
            throw new InvalidOperationException("no hotkey: set HotkeyUri (e.g. --HotkeyUri //Alice on a dev chain) or Wallet and Hotkey (e.g. --Wallet miner --Hotkey default)");
        }

        var root = options.WalletPath ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".agora", "wallets");
        var store = new WalletStore(root, new SystemSecureRandom());
        return store.OpenHotkey(options.Wallet, options.Hotkey, () => options.HotkeyPassword
            ?? throw new InvalidOperationException($"hotkey '{options.Hotkey}' of wallet '{options.Wallet}' is encrypted: set HotkeyPassword (AGORA_HotkeyPassword)"));
    }
}
