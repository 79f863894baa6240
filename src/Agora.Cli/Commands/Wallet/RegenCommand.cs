using System.CommandLine;
using Agora.Cli.Infrastructure;
using Agora.Cli.Rendering;
using Agora.Core.Crypto;
using Spectre.Console;

namespace Agora.Cli.Commands.Wallet;

/// <summary><c>agora wallet regen</c>: restores a coldkey (or, with --hotkey, a hotkey) from its mnemonic or seed.</summary>
internal static class RegenCommand
{
    public static Command Create(CliHost host)
    {
        var options = new KeyCreationOptions();
        var hotkey = new Option<string?>("--hotkey") { Description = "Restore this hotkey instead of the coldkey" };
        var mnemonic = new Option<string?>("--mnemonic") { Description = "The key's mnemonic (asked for, hidden, on a terminal when no source is given)" };
        var seed = new Option<string?>("--seed") { Description = "The key's 32-byte seed as 0x + 64 hex digits" };
        var uri = new Option<string?>("--uri") { Description = "Any secret URI, e.g. \"<mnemonic>//hard///password\"" };
        var command = new Command("regen", "Restore a coldkey or hotkey from its mnemonic, seed or secret URI");
        options.AddTo(command, words: false);
        command.Options.Add(hotkey);
        command.Options.Add(mnemonic);
        command.Options.Add(seed);
        command.Options.Add(uri);
        CommandRunner.SetAction(command, host, context =>
        {
            var wallet = options.WalletName(context);
            var hotkeyName = context.ParseResult.GetValue(hotkey);
            var secret = ReadSecret(context, context.ParseResult.GetValue(mnemonic), context.ParseResult.GetValue(seed), context.ParseResult.GetValue(uri));
            using var pair = SecretUri.Parse(secret).ToKeyPair();
            var store = context.Wallets;
            if (hotkeyName is null)
            {
                options.RejectNoPasswordForColdkey(context);
                options.CheckOverwrite(context, store.HasColdkey(wallet), $"the coldkey of wallet '{wallet}'");
                store.ImportColdkey(wallet, pair, context.ReadNewPassword($"the coldkey of wallet '{wallet}'"), overwrite: true);
            }
            else
            {
                options.CheckOverwrite(context, store.HasHotkey(wallet, hotkeyName), $"hotkey '{hotkeyName}' of wallet '{wallet}'");
                store.ImportHotkey(wallet, hotkeyName, pair, options.HotkeyPassword(context, $"hotkey '{hotkeyName}'"), overwrite: true);
            }

            var json = KeyJson.Of(pair.Account);
            json["wallet"] = wallet;
            json["key"] = hotkeyName is null ? "coldkey" : $"hotkey {hotkeyName}";
            var what = hotkeyName is null ? "coldkey" : $"hotkey '{hotkeyName}'";
            context.Output.Result(json, console => console.MarkupLine(
                $"Restored the {Markup.Escape(what)} of wallet [bold]{Markup.Escape(wallet)}[/]: {pair.Account}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ReadSecret(CliContext context, string? mnemonic, string? seed, string? uri)
    {
        var given = (mnemonic is null ? 0 : 1) + (seed is null ? 0 : 1) + (uri is null ? 0 : 1);
        if (given > 1)
        {
            throw new CliException("give only one of --mnemonic, --seed and --uri");
        }

        if (mnemonic is not null && mnemonic.Contains('/', StringComparison.Ordinal))
        {
            throw new CliException("--mnemonic takes only the words; use --uri for a phrase with //junctions or ///password");
        }

        if (seed is not null && !seed.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException("--seed is 0x followed by 64 hex digits; use --mnemonic for words");
        }

        return mnemonic ?? seed ?? uri ?? context.PromptSecret("Mnemonic, 0x seed or secret URI:", "--mnemonic, --seed or --uri");
    }
}
