using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Cli.Rendering;
using Agora.Sdk.Wallet;
using Spectre.Console;

namespace Agora.Cli.Commands.Wallet;

/// <summary><c>agora wallet create</c>: a new coldkey and, with --hotkey, its first hotkey. Shows each mnemonic once.</summary>
internal static class CreateCommand
{
    public static Command Create(CliHost host)
    {
        var options = new KeyCreationOptions();
        var hotkey = new Option<string?>("--hotkey") { Description = "Also create a hotkey with this name" };
        var command = new Command("create", "Create a wallet: a new encrypted coldkey (and optionally a first hotkey)");
        options.AddTo(command);
        command.Options.Add(hotkey);
        CommandRunner.SetAction(command, host, context =>
        {
            var wallet = options.WalletName(context);
            var hotkeyName = context.ParseResult.GetValue(hotkey);
            var words = context.ParseResult.GetValue(options.Words);
            var store = context.Wallets;
            if (hotkeyName is null)
            {
                options.RejectNoPasswordForColdkey(context);
            }
            else
            {
                _ = store.HotkeyPath(wallet, hotkeyName);
            }

            options.CheckOverwrite(context, store.HasColdkey(wallet), $"the coldkey of wallet '{wallet}'");
            if (hotkeyName is not null)
            {
                options.CheckOverwrite(context, store.HasHotkey(wallet, hotkeyName), $"hotkey '{hotkeyName}' of wallet '{wallet}'");
            }

            var coldkeyPassword = context.ReadNewPassword($"the new coldkey of wallet '{wallet}'");
            var hotkeyPassword = hotkeyName is null ? null : options.HotkeyPassword(context, $"the new hotkey '{hotkeyName}'");
            var coldkey = store.CreateColdkey(wallet, words, coldkeyPassword, overwrite: true);
            var created = hotkeyName is null ? null : store.CreateHotkey(wallet, hotkeyName, words, hotkeyPassword, overwrite: true);

            var json = new JsonObject { ["wallet"] = wallet, ["coldkey"] = KeyWithMnemonic(coldkey) };
            if (created is not null)
            {
                json["hotkey"] = KeyWithMnemonic(created);
                json["hotkey"]!["name"] = hotkeyName;
            }

            context.Output.Result(json, console =>
            {
                MnemonicPanel.Show(console, $"coldkey of wallet '{wallet}'", coldkey);
                if (created is not null)
                {
                    MnemonicPanel.Show(console, $"hotkey '{hotkeyName}'", created);
                }

                console.MarkupLine($"Wallet [bold]{Markup.Escape(wallet)}[/] is in {Markup.Escape(store.WalletPath(wallet))}");
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static JsonObject KeyWithMnemonic(CreatedKey key)
    {
        var json = KeyJson.Of(key.Info.Account);
        json["encrypted"] = key.Info.IsEncrypted;
        json["mnemonic"] = key.Mnemonic;
        return json;
    }
}
