using System.CommandLine;
using Agora.Cli.Infrastructure;
using Agora.Cli.Rendering;
using Agora.Core.Primitives;
using Spectre.Console;

namespace Agora.Cli.Commands.Wallet;

/// <summary><c>agora wallet sign</c>: an Ed25519 signature of a message with the coldkey, a hotkey or --uri.</summary>
internal static class SignCommand
{
    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Coldkey);
        var message = new MessageOptions();
        var command = new Command("sign", "Sign a message; prints the 64-byte signature as 0x hex");
        signer.AddTo(command);
        message.AddTo(command);
        CommandRunner.SetAction(command, host, context =>
        {
            var bytes = message.Bytes(context);
            using var pair = signer.Open(context);
            var signature = HexFormat.Encode(pair.Sign(bytes));
            var json = KeyJson.Of(pair.Account);
            json["signature"] = signature;
            context.Output.Result(json, console => console.WriteLine(signature));
            return ExitCodes.Ok;
        });
        return command;
    }
}
