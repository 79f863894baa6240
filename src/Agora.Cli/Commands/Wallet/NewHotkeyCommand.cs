using System.CommandLine;
using Agora.Cli.Infrastructure;
using Agora.Cli.Rendering;

namespace Agora.Cli.Commands.Wallet;

/// <summary><c>agora wallet new-hotkey</c>: a new hotkey in a wallet, encrypted unless --no-password.</summary>
internal static class NewHotkeyCommand
{
    public static Command Create(CliHost host)
    {
        var options = new KeyCreationOptions();
        var hotkey = new Option<string?>("--hotkey") { Description = "Hotkey name (default: config hotkey, else \"default\")" };
        var command = new Command("new-hotkey", "Create a new hotkey in a wallet (shows its mnemonic once)");
        options.AddTo(command);
        command.Options.Add(hotkey);
        CommandRunner.SetAction(command, host, context =>
        {
            var wallet = options.WalletName(context);
            var name = context.ParseResult.GetValue(hotkey) ?? context.Config.Get("hotkey") ?? "default";
            var store = context.Wallets;
            options.CheckOverwrite(context, store.HasHotkey(wallet, name), $"hotkey '{name}' of wallet '{wallet}'");
            var password = options.HotkeyPassword(context, $"the new hotkey '{name}'");
            var created = store.CreateHotkey(wallet, name, context.ParseResult.GetValue(options.Words), password, overwrite: true);

            var json = KeyJson.Of(created.Info.Account);
            json["wallet"] = wallet;
            json["hotkey"] = name;
            json["encrypted"] = created.Info.IsEncrypted;
            json["mnemonic"] = created.Mnemonic;
            context.Output.Result(json, console => MnemonicPanel.Show(console, $"hotkey '{name}' of wallet '{wallet}'", created));
            return ExitCodes.Ok;
        });
        return command;
    }
}
