using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Spectre.Console;

namespace Agora.Cli.Commands.Stake;

/// <summary><c>agora stake list</c>: a coldkey's positions.</summary>
internal static class ListCommand
{
    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Coldkey, hotkeySigns: false);
        var coldkey = new Option<string?>("--coldkey") { Description = "Any coldkey's SS58 address instead of the wallet's" };
        var command = new Command("list", "List a coldkey's stake positions: hotkey, netuid, stake") { coldkey };
        signer.AddTo(command);
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var account = context.ParseResult.GetValue(coldkey) is { } text ? CliContext.ParseAddress(text, "--coldkey") : signer.ReadAccount(context);
            using var node = new NodeConnection(context.Network);
            var positions = await node.Chain.GetStakeAsync(account, cancellationToken);
            var json = new JsonArray(positions.Select(p => (JsonNode)new JsonObject
            {
                ["hotkey"] = p.Hotkey.ToString(),
                ["netuid"] = p.Netuid,
                ["stake"] = p.Stake.Value,
            }).ToArray());
            context.Output.Result(json, console =>
            {
                var table = new Table().AddColumns("Hotkey", "Netuid", "Stake (TAO)");
                foreach (var p in positions)
                {
                    table.AddRow(p.Hotkey.ToString(), $"{p.Netuid}", p.Stake.ToTaoString());
                }

                console.Write(table);
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
