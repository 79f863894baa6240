using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Core.Crypto;
using Agora.Runtime.Modules.Staking;

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
        var hotkeyName = new Option<string?>("--hotkey") { Description = "Hotkey of the wallet (by name) to own" };
        var hotkeyUri = new Option<string?>("--hotkey-uri") { Description = "Secret URI of the hotkey to own, with --uri for the coldkey (development)" };
        var command = new Command("associate-hotkey", "Make the coldkey the owner of a hotkey (both secrets: --wallet W --hotkey H, or --uri COLD --hotkey-uri HOT)")
        {
            hotkeyName, hotkeyUri,
        };
        signer.AddTo(command);
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            using var coldkey = signer.Open(context);
            using var hotkey = OpenHotkey(context, signer, context.ParseResult.GetValue(hotkeyName), context.ParseResult.GetValue(hotkeyUri));
            using var node = new NodeConnection(context.Network);
            var genesis = await node.Chain.GetBlockHashAsync(0, cancellationToken) ?? throw new CliException("the node has no genesis block");

            // When the hotkey is the coldkey itself, the transaction's own signature is the proof.
            var proof = hotkey.Account == coldkey.Account ? new byte[Ed25519.SignatureSize] : HotkeyProof.Sign(hotkey, coldkey.Account, genesis);
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

    private static KeyPair OpenHotkey(CliContext context, SignerOptions signer, string? name, string? uri)
    {
        if ((name is null) == (uri is null))
        {
            throw new CliException("name the hotkey to own: --hotkey NAME (with --wallet W) or --hotkey-uri URI (with --uri COLD)");
        }

        if (uri is not null)
        {
            return KeyPair.FromUri(uri);
        }

        var wallet = context.ParseResult.GetValue(signer.Wallet) ?? context.Config.Get("wallet")
            ?? throw new CliException("--hotkey NAME needs a wallet: pass --wallet W (or `agora config set wallet W`)");
        return context.Wallets.OpenHotkey(wallet, name!, () => context.ReadPassword($"hotkey '{name}' of wallet '{wallet}'"));
    }
}
