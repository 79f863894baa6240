using System.CommandLine;
using Agora.Core.Primitives;

namespace Agora.Cli.Infrastructure;

/// <summary>
/// <c>--hotkey NAME | --hotkey-ss58 SS58</c>: the hotkey a coldkey-signed command is about (spec/interfaces.md, "Who
/// signs"). NAME is a hotkey of the wallet (--wallet, else config wallet); SS58 is any hotkey by address.
/// </summary>
internal sealed class HotkeyTargetOptions
{
    public Option<string?> Name { get; } = new("--hotkey") { Description = "Hotkey of the wallet (by name) the command is about" };

    public Option<string?> Address { get; } = new("--hotkey-ss58") { Description = "Any hotkey by SS58 address, instead of --hotkey" };

    public void AddTo(Command command)
    {
        command.Options.Add(Name);
        command.Options.Add(Address);
    }

    /// <summary>The hotkey named; <paramref name="fallback"/> when neither option is given (else an error).</summary>
    public AccountId Resolve(CliContext context, SignerOptions signer, AccountId? fallback = null)
    {
        var name = context.ParseResult.GetValue(Name);
        var address = context.ParseResult.GetValue(Address);
        if (name is not null && address is not null)
        {
            throw new CliException("give either --hotkey NAME or --hotkey-ss58 SS58, not both");
        }

        if (address is not null)
        {
            return CliContext.ParseAddress(address, "--hotkey-ss58");
        }

        if (name is null)
        {
            return fallback ?? throw new CliException("name the hotkey: --hotkey NAME (a hotkey of the wallet) or --hotkey-ss58 SS58");
        }

        var wallet = context.ParseResult.GetValue(signer.Wallet) ?? context.Config.Get("wallet")
            ?? throw new CliException("--hotkey NAME needs a wallet (--wallet W or `agora config set wallet W`); with --uri, pass --hotkey-ss58 SS58 instead");
        return context.Wallets.ReadHotkeyInfo(wallet, name).Account;
    }
}
