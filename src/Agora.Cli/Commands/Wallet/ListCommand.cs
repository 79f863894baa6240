using System.CommandLine;
using Agora.Cli.Infrastructure;
using Agora.Cli.Rendering;
using Spectre.Console;

namespace Agora.Cli.Commands.Wallet;

/// <summary><c>agora wallet list</c>: every wallet with its coldkey and hotkeys (public info only, no password).</summary>
internal static class ListCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("list", "List wallets and their keys' addresses");
        CommandRunner.SetAction(command, host, context =>
        {
            var store = context.Wallets;
            var wallets = store.List();
            context.Output.Result(WalletTable.Json(store.Root, wallets), console =>
            {
                if (wallets.Count == 0)
                {
                    console.MarkupLine($"No wallets in {Markup.Escape(store.Root)}. Create one with `agora wallet create --wallet NAME`.");
                    return;
                }

                console.Write(WalletTable.Build(wallets));
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
