using System.CommandLine;
using Agora.Cli.Infrastructure;

namespace Agora.Cli.Commands.Wallet;

/// <summary>Options shared by the commands that write keys: names, word count, hotkey encryption, overwrite.</summary>
internal sealed class KeyCreationOptions
{
    public Option<string?> Wallet { get; } = new("--wallet")
    {
        Description = "Wallet name (default: config wallet, else \"default\")",
    };

    public Option<int> Words { get; } = new("--words")
    {
        Description = "Mnemonic length: 12 or 24 words",
        DefaultValueFactory = _ => 12,
    };

    public Option<bool> NoPassword { get; } = new("--no-password")
    {
        Description = "Store the hotkey unencrypted (hotkeys only; coldkeys are always encrypted)",
    };

    public Option<bool> Overwrite { get; } = new("--overwrite")
    {
        Description = "Replace an existing key (it is lost unless you hold its mnemonic)",
    };

    public void AddTo(Command command, bool words = true)
    {
        command.Options.Add(Wallet);
        if (words)
        {
            Words.AcceptOnlyFromAmong("12", "24");
            command.Options.Add(Words);
        }

        command.Options.Add(NoPassword);
        command.Options.Add(Overwrite);
    }

    /// <summary>The wallet name: --wallet, config wallet, else "default".</summary>
    public string WalletName(CliContext context) =>
        context.ParseResult.GetValue(Wallet) ?? context.Config.Get("wallet") ?? "default";

    /// <summary>Refuses to replace an existing key unless --overwrite is given, and confirms it on a terminal.</summary>
    public void CheckOverwrite(CliContext context, bool exists, string what)
    {
        if (!exists)
        {
            return;
        }

        if (!context.ParseResult.GetValue(Overwrite))
        {
            throw new CliException($"{what} already exists; pass --overwrite to replace it (the old key is lost unless you hold its mnemonic), or choose another name");
        }

        if (!context.Confirm($"Replace {what}? The old key is lost unless you hold its mnemonic.", defaultValue: false))
        {
            throw new CliException("cancelled; nothing was changed", ExitCodes.Declined);
        }
    }

    /// <summary>The hotkey password, or null with --no-password.</summary>
    public string? HotkeyPassword(CliContext context, string what) =>
        context.ParseResult.GetValue(NoPassword) ? null : context.ReadNewPassword(what);

    /// <summary>Refuses --no-password where only a coldkey is written.</summary>
    public void RejectNoPasswordForColdkey(CliContext context)
    {
        if (context.ParseResult.GetValue(NoPassword))
        {
            throw new CliException("--no-password applies to hotkeys only: a coldkey holds funds and is always encrypted");
        }
    }
}
