using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Spectre.Console;

namespace Agora.Cli.Commands.Subnets;

/// <summary><c>agora subnets burn-cost NETUID</c>: the TAO registering a neuron on the subnet burns now.</summary>
internal static class BurnCostCommand
{
    public static Command Create(CliHost host)
    {
        var netuid = NetuidOption.Argument();
        var command = new Command("burn-cost", "Show the TAO registering a neuron on a subnet burns now (it adjusts toward the registration target)") { netuid };
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            using var node = new NodeConnection(context.Network);
            var burn = await node.Chain.GetBurnAsync(context.ParseResult.GetValue(netuid), cancellationToken);
            var json = new JsonObject { ["netuid"] = burn.Netuid, ["burn"] = burn.Burn.Value };
            context.Output.Result(json, console => console.WriteLine($"{burn.Burn.ToTaoString()} TAO to register on subnet {burn.Netuid}"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
