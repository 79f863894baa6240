using System.CommandLine;
using System.Text;
using Agora.Cli.Infrastructure;

namespace Agora.Cli.Commands.Wallet;

/// <summary><c>--message TEXT [--hex]</c>: the bytes to sign or verify (UTF-8 text, or 0x hex with --hex).</summary>
internal sealed class MessageOptions
{
    public Option<string> Message { get; } = new("--message")
    {
        Description = "The message: text (signed as UTF-8), or 0x hex with --hex",
        Required = true,
    };

    public Option<bool> Hex { get; } = new("--hex")
    {
        Description = "The message is 0x-prefixed hex bytes",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Message);
        command.Options.Add(Hex);
    }

    public byte[] Bytes(CliContext context)
    {
        var message = context.ParseResult.GetValue(Message)!;
        return context.ParseResult.GetValue(Hex) ? CliContext.ParseHex(message, "--message") : Encoding.UTF8.GetBytes(message);
    }
}
