using System.CommandLine;
using Agora.Cli.Infrastructure;
using Agora.Cli.Rendering;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Spectre.Console;

namespace Agora.Cli.Commands.Wallet;

/// <summary>
/// <c>agora wallet inspect</c>: the address and public key of --uri, of a wallet's key (no password needed),
/// or of an --address (which checks it). <c>--json</c> prints <c>{ "ss58_address", "public_key" }</c>.
/// </summary>
internal static class InspectCommand
{
    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Coldkey);
        var address = new Option<string?>("--address") { Description = "An SS58 address to check and decode" };
        var command = new Command("inspect", "Show the SS58 address and public key of a secret URI, a wallet key or an address");
        signer.AddTo(command);
        command.Options.Add(address);
        CommandRunner.SetAction(command, host, context =>
        {
            var account = context.ParseResult.GetValue(address) is { } text
                ? CliContext.ParseAddress(text, "--address")
                : signer.ReadAccount(context);
            context.Output.Result(KeyJson.Of(account), console =>
            {
                console.WriteLine($"SS58 address: {Ss58.Encode(account)}");
                console.WriteLine($"Public key:   {HexFormat.Encode(account.Bytes)}");
                console.WriteLine("Key type:     ed25519");
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
