using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Core.Crypto;
using Spectre.Console;

namespace Agora.Cli.Commands.Wallet;

/// <summary><c>agora wallet verify</c>: checks a signature; exit code 0 when valid, 1 when not.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliHost host)
    {
        var address = new Option<string>("--address") { Description = "The signer's SS58 address", Required = true };
        var signature = new Option<string>("--signature") { Description = "The signature, 0x + 128 hex digits", Required = true };
        var message = new MessageOptions();
        var command = new Command("verify", "Verify a signature; exits 0 when it is valid and 1 when it is not");
        command.Options.Add(address);
        message.AddTo(command);
        command.Options.Add(signature);
        CommandRunner.SetAction(command, host, context =>
        {
            var signer = CliContext.ParseAddress(context.ParseResult.GetValue(address)!, "--address");
            var bytes = message.Bytes(context);
            var signatureBytes = CliContext.ParseHex(context.ParseResult.GetValue(signature)!, "--signature", Ed25519.SignatureSize);
            var valid = Ed25519.Verify(signer, bytes, signatureBytes);
            var json = new JsonObject { ["valid"] = valid, ["ss58_address"] = Ss58.Encode(signer) };
            context.Output.Result(json, console =>
            {
                if (valid)
                {
                    console.WriteLine($"Valid signature by {signer}");
                }
            });
            if (!valid)
            {
                context.Environment.Error.WriteLine($"error: the signature is not valid for this message and {signer}; check the message (and --hex), the address and the signature");
            }

            return valid ? ExitCodes.Ok : ExitCodes.Error;
        });
        return command;
    }
}
