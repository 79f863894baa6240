using System.CommandLine;
using Agora.Cli.Infrastructure;

namespace Agora.Cli.Commands.Wallet;

/// <summary><c>agora wallet ...</c>: keys and wallets. Chain commands (balance, transfer) add themselves here.</summary>
internal static class WalletCommand
{
    public static Command Create(CliHost host)
    {
        var wallet = new Command("wallet", "Create, restore, list and use keys (coldkeys hold funds, hotkeys do routine work)");
        wallet.Subcommands.Add(CreateCommand.Create(host));
        wallet.Subcommands.Add(NewHotkeyCommand.Create(host));
        wallet.Subcommands.Add(RegenCommand.Create(host));
        wallet.Subcommands.Add(ListCommand.Create(host));
        wallet.Subcommands.Add(InspectCommand.Create(host));
        wallet.Subcommands.Add(SignCommand.Create(host));
        wallet.Subcommands.Add(VerifyCommand.Create(host));
        wallet.Subcommands.Add(BalanceCommand.Create(host));
        wallet.Subcommands.Add(TransferCommand.Create(host));
        wallet.Subcommands.Add(AssociateHotkeyCommand.Create(host));
        wallet.Subcommands.Add(SwapHotkeyCommand.Create(host));
        wallet.Subcommands.Add(OverviewCommand.Create(host));
        return wallet;
    }
}
