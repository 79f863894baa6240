using System.CommandLine;
using Agora.Core.Crypto;
using Agora.Core.Primitives;

namespace Agora.Cli.Infrastructure;

/// <summary>
/// <c>--uri URI</c> or <c>--wallet NAME [--hotkey NAME]</c>: which key a command uses. Resolution: --uri
/// wins (development keys such as //Alice, no password); else the wallet is --wallet or config wallet; the
/// key is the hotkey when --hotkey is given, or when the command's role is <see cref="KeyRole.Hotkey"/>
/// (then config hotkey, else "default"), otherwise the coldkey. Create one instance per command.
/// </summary>
internal sealed class SignerOptions
{
    private readonly KeyRole _role;
    private readonly bool _hotkeySigns;

    /// <param name="role">Which key of a wallet signs by default.</param>
    /// <param name="hotkeySigns">
    /// False for commands whose --hotkey names a hotkey the command is about (stake add, set-take) rather than the
    /// signer: then only --uri and --wallet choose the signing coldkey, and the command adds its own --hotkey.
    /// </param>
    public SignerOptions(KeyRole role, bool hotkeySigns = true)
    {
        _role = role;
        _hotkeySigns = hotkeySigns;
        var key = role == KeyRole.Coldkey ? "coldkey" : "hotkey";
        Uri = new Option<string?>("--uri") { Description = $"Secret URI of the key, for development (e.g. //Alice) instead of --wallet" };
        Wallet = new Option<string?>("--wallet") { Description = $"Wallet whose {key} to use (default: config wallet)" };
        Hotkey = new Option<string?>("--hotkey")
        {
            Description = role == KeyRole.Coldkey
                ? "Use this hotkey of the wallet instead of its coldkey"
                : "Hotkey of the wallet (default: config hotkey, else \"default\")",
        };
    }

    public Option<string?> Uri { get; }

    public Option<string?> Wallet { get; }

    public Option<string?> Hotkey { get; }

    /// <summary>Adds --uri, --wallet and --hotkey to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Uri);
        command.Options.Add(Wallet);
        if (_hotkeySigns)
        {
            command.Options.Add(Hotkey);
        }
    }

    /// <summary>Which key the options name, without opening it.</summary>
    public SignerChoice Resolve(CliContext context)
    {
        var uri = context.ParseResult.GetValue(Uri);
        var wallet = context.ParseResult.GetValue(Wallet);
        var hotkey = _hotkeySigns ? context.ParseResult.GetValue(Hotkey) : null;
        if (uri is not null)
        {
            if (wallet is not null || hotkey is not null)
            {
                throw new CliException("give either --uri or --wallet/--hotkey, not both");
            }

            return new SignerChoice(uri, null, null);
        }

        wallet ??= context.Config.Get("wallet") ?? throw new CliException(
            "no key chosen: pass --wallet NAME (and --hotkey NAME for a hotkey), or --uri for a development key like //Alice; `agora config set wallet NAME` sets a default");
        if (hotkey is null && _role == KeyRole.Hotkey)
        {
            hotkey = context.Config.Get("hotkey") ?? "default";
        }

        return new SignerChoice(null, wallet, hotkey);
    }

    /// <summary>The public key of the chosen key; asks for no password.</summary>
    public AccountId ReadAccount(CliContext context)
    {
        var choice = Resolve(context);
        if (choice.Uri is { } uri)
        {
            using var pair = KeyPair.FromUri(uri);
            return pair.Account;
        }

        return choice.Hotkey is { } hotkey
            ? context.Wallets.ReadHotkeyInfo(choice.Wallet!, hotkey).Account
            : context.Wallets.ReadColdkeyInfo(choice.Wallet!).Account;
    }

    /// <summary>Opens the chosen key for signing, asking for its password only when it is encrypted.</summary>
    public KeyPair Open(CliContext context)
    {
        var choice = Resolve(context);
        if (choice.Uri is { } uri)
        {
            return KeyPair.FromUri(uri);
        }

        var description = choice.Describe();
        return choice.Hotkey is { } hotkey
            ? context.Wallets.OpenHotkey(choice.Wallet!, hotkey, () => context.ReadPassword(description))
            : context.Wallets.OpenColdkey(choice.Wallet!, () => context.ReadPassword(description));
    }
}
