using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Sdk.Wallet;
using Spectre.Console;

namespace Agora.Cli.Commands.Config;

/// <summary><c>agora config set KEY VALUE</c>: checks the value, then writes the file atomically.</summary>
internal static class SetCommand
{
    public static Command Create(CliHost host)
    {
        var key = new Argument<string>("key") { Description = string.Join(", ", CliConfig.Keys) };
        var value = new Argument<string>("value") { Description = "The value (network: local or a URL)" };
        var command = new Command("set", "Set a default");
        command.Arguments.Add(key);
        command.Arguments.Add(value);
        CommandRunner.SetAction(command, host, context =>
        {
            var name = CliConfig.CheckKey(context.ParseResult.GetValue(key)!);
            var text = context.ParseResult.GetValue(value)!;
            Check(name, text);
            if (name == "wallets_path")
            {
                text = Path.GetFullPath(text);
            }

            context.Config.Set(name, text);
            context.Config.Save();
            context.Output.Result(new JsonObject { [name] = text }, console => console.WriteLine($"{name} = {text}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Check(string key, string value)
    {
        switch (key)
        {
            case "network" when !NetworkAddress.TryResolve(value, out _, out var error):
                throw new CliException(error);
            case "wallet" or "hotkey" when !WalletStore.IsValidName(value):
                throw new CliException($"'{value}' is not a valid {key} name: use 1-{WalletStore.NameLengthMax} letters, digits, '_', '-' or '.', not starting with '.' or '-'");
            case "wallets_path" when value.Length == 0:
                throw new CliException("wallets_path is empty; give a folder");
        }
    }
}
