using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Protocol.Neurons;

namespace Agora.Cli.Commands.Wallet;

/// <summary>
/// <c>agora wallet swap-hotkey</c>: moves an owned hotkey's registrations, stake and ownership to a fresh hotkey (for
/// a leaked hotkey), burning the swap cost. The new hotkey's secret proves possession.
/// </summary>
internal static class SwapHotkeyCommand
{
    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Coldkey, hotkeySigns: false);
        var oldHotkey = new HotkeyTargetOptions();
        var newHotkey = new HotkeySecretOptions("new-hotkey", "to move everything to");
        var command = new Command("swap-hotkey",
            "Move a hotkey's registrations, stake and ownership to a new hotkey (--hotkey OLD | --hotkey-ss58 OLD, and --new-hotkey NAME | --new-hotkey-uri URI)");
        oldHotkey.AddTo(command);
        newHotkey.AddTo(command);
        signer.AddTo(command);
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var old = oldHotkey.Resolve(context, signer);
            using var coldkey = signer.Open(context);
            using var fresh = newHotkey.Open(context, signer);
            using var node = new NodeConnection(context.Network);
            var genesis = await node.Chain.GetBlockHashAsync(0, cancellationToken) ?? throw new CliException("the node has no genesis block");
            var proof = HotkeySecretOptions.Proof(fresh, coldkey.Account, genesis);
            var json = new JsonObject { ["coldkey"] = coldkey.Account.ToString(), ["old_hotkey"] = old.ToString(), ["new_hotkey"] = fresh.Account.ToString() };
            var inclusion = await ChainTransaction.RunAsync(context, node, coldkey, new SwapHotkeyCall(old, fresh.Account, proof),
                [("Old hotkey", old.ToString()), ("New hotkey", fresh.Account.ToString())],
                $"Move everything of {old} to {fresh.Account} (this burns the swap cost)?", json, cancellationToken);
            if (inclusion is null)
            {
                return ExitCodes.Declined;
            }

            if (inclusion.Event("hotkey_swapped") is { } swapped)
            {
                json["burn"] = swapped.GetProperty("burn").GetUInt64();
            }

            ChainTransaction.Report(context, json, $"Swapped {old} for {fresh.Account}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
