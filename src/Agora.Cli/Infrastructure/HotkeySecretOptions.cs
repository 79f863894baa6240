using System.CommandLine;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Protocol.Staking;

namespace Agora.Cli.Infrastructure;

/// <summary>
/// The secret of a hotkey a coldkey-signed command binds (associate, register, swap): <c>--NAME</c> (a hotkey of the
/// signer's wallet) or <c>--NAME-uri</c> (with <c>--uri</c> for the coldkey, development). The hotkey signs its proof
/// of possession (DESIGN §4a), so nobody can bind a key whose secret they do not hold.
/// </summary>
internal sealed class HotkeySecretOptions
{
    private readonly string _name;

    /// <param name="name">The option name without dashes: <c>hotkey</c> gives <c>--hotkey</c> and <c>--hotkey-uri</c>.</param>
    /// <param name="what">What the hotkey is for, for the help text.</param>
    public HotkeySecretOptions(string name, string what)
    {
        _name = name;
        Name = new Option<string?>($"--{name}") { Description = $"Hotkey of the wallet (by name) {what}" };
        Uri = new Option<string?>($"--{name}-uri") { Description = $"Secret URI of the hotkey {what}, with --uri for the coldkey (development)" };
    }

    public Option<string?> Name { get; }

    public Option<string?> Uri { get; }

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Name);
        command.Options.Add(Uri);
    }

    /// <summary>Opens the hotkey named by exactly one of the two options.</summary>
    public KeyPair Open(CliContext context, SignerOptions signer)
    {
        var name = context.ParseResult.GetValue(Name);
        var uri = context.ParseResult.GetValue(Uri);
        if ((name is null) == (uri is null))
        {
            throw new CliException($"name the hotkey: --{_name} NAME (with --wallet W) or --{_name}-uri URI (with --uri COLD)");
        }

        if (uri is not null)
        {
            return KeyPair.FromUri(uri);
        }

        var wallet = context.ParseResult.GetValue(signer.Wallet) ?? context.Config.Get("wallet")
            ?? throw new CliException($"--{_name} NAME needs a wallet: pass --wallet W (or `agora config set wallet W`)");
        return context.Wallets.OpenHotkey(wallet, name!, () => context.ReadPassword($"hotkey '{name}' of wallet '{wallet}'"));
    }

    /// <summary>
    /// <paramref name="hotkey"/>'s proof of possession for <paramref name="coldkey"/>: its signature, or zeros when it is
    /// the coldkey itself (the transaction's own signature is the proof then).
    /// </summary>
    public static byte[] Proof(KeyPair hotkey, AccountId coldkey, Hash256 genesis)
    {
        ArgumentNullException.ThrowIfNull(hotkey);
        return hotkey.Account == coldkey ? new byte[Ed25519.SignatureSize] : HotkeyProof.Sign(hotkey, coldkey, genesis);
    }
}
