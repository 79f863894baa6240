namespace Agora.Sdk.Subnets;

/// <summary>
/// What a miner or validator host needs to reach its subnet, bound from configuration (appsettings.json, then
/// <c>AGORA_</c>-prefixed environment variables, then the command line: <c>--Netuid 1 --HotkeyUri //Alice</c>).
/// The hotkey comes from <see cref="HotkeyUri"/> (development chains) or from <see cref="Wallet"/> and
/// <see cref="Hotkey"/> in the wallet directory.
/// </summary>
public class SubnetHostOptions
{
    /// <summary>The node's JSON-RPC endpoint.</summary>
    public Uri RpcUrl { get; set; } = new("http://127.0.0.1:9944");

    /// <summary>The subnet.</summary>
    public ushort Netuid { get; set; } = 1;

    /// <summary>A secret URI such as <c>//Alice</c>; for development chains only, since it sits in configuration.</summary>
    public string? HotkeyUri { get; set; }

    /// <summary>The wallet holding the hotkey (with <see cref="Hotkey"/>).</summary>
    public string? Wallet { get; set; }

    /// <summary>The hotkey's name in <see cref="Wallet"/>.</summary>
    public string Hotkey { get; set; } = "default";

    /// <summary>The wallets' directory (default: <c>~/.agora/wallets</c>).</summary>
    public string? WalletPath { get; set; }

    /// <summary>The hotkey file's password, when it is encrypted (prefer the <c>AGORA_HotkeyPassword</c> variable to a file).</summary>
    public string? HotkeyPassword { get; set; }

    /// <summary>How long to wait for the node on each call.</summary>
    public TimeSpan RpcTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
