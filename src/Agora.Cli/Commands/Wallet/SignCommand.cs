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
            if (StartsWithSigningDomain(bytes))
            {
                throw new CliException(
                    "the message starts with \"agora/\", the prefix of the chain's signing domains (e.g. agora/hotkey/v1): a signature over it could "
                    + "be used as a chain payload, such as a proof that hands your hotkey to someone else's coldkey; wallet sign refuses such messages");
            }

            using var pair = signer.Open(context);
            var signature = HexFormat.Encode(pair.Sign(bytes));
            var json = KeyJson.Of(pair.Account);
            json["signature"] = signature;
            context.Output.Result(json, console => console.WriteLine(signature));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// True when <paramref name="bytes"/> starts with <c>agora/</c>, bare or after a one-byte LEB128 length prefix, as
    /// every signing domain does (DESIGN §4a).
    /// </summary>
    internal static bool StartsWithSigningDomain(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("agora/"u8) || (bytes.Length > 0 && bytes[1..].StartsWith("agora/"u8));
}
