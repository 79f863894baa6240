using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Protocol.Staking;

namespace Agora.Cli.Commands.Wallet;

/// <summary>
/// <c>agora wallet associate-hotkey</c>: the coldkey takes ownership of a hotkey, proven by the hotkey's signature
/// (DESIGN §4a), so that stake can go to it. Needs both secrets.
/// </summary>
internal static class AssociateHotkeyCommand
{
    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Coldkey, hotkeySigns: false);
        var hotkeySecret = new HotkeySecretOptions("hotkey", "to own");
        var command = new Command("associate-hotkey", "Make the coldkey the owner of a hotkey (both secrets: --wallet W --hotkey H, or --uri COLD --hotkey-uri HOT)");
        hotkeySecret.AddTo(command);
        signer.AddTo(command);
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            using var coldkey = signer.Open(context);
            using var hotkey = hotkeySecret.Open(context, signer);
            using var node = new NodeConnection(context.Network);
            var genesis = await node.Chain.GetBlockHashAsync(0, cancellationToken) ?? throw new CliException("the node has no genesis block");
            var proof = HotkeySecretOptions.Proof(hotkey, coldkey.Account, genesis);
            var json = new JsonObject { ["coldkey"] = coldkey.Account.ToString(), ["hotkey"] = hotkey.Account.ToString() };
            var inclusion = await ChainTransaction.RunAsync(context, node, coldkey, new AssociateHotkeyCall(hotkey.Account, proof),
                [("Hotkey", hotkey.Account.ToString())], $"Make {coldkey.Account} the owner of hotkey {hotkey.Account}?", json, cancellationToken);
            if (inclusion is null)
            {
                return ExitCodes.Declined;
            }

            ChainTransaction.Report(context, json, "Hotkey associated");
            return ExitCodes.Ok;
        });
        return command;
    }
}
