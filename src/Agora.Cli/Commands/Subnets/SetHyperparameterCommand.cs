using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Protocol.Subnets;

namespace Agora.Cli.Commands.Subnets;

/// <summary><c>agora subnets set-hyperparameter</c>: the subnet owner (or sudo on a dev chain) sets one hyperparameter.</summary>
internal static class SetHyperparameterCommand
{
    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Coldkey, hotkeySigns: false);
        var netuid = NetuidOption.Create("--netuid", "The subnet");
        var name = new Option<string>("--name") { Description = "Hyperparameter name (see `agora subnets hyperparameters NETUID`)", Required = true };
        var value = new Option<string>("--value") { Description = "New value: a number, true/false, or current/previous/auto", Required = true };
        var command = new Command("set-hyperparameter", "Set a subnet hyperparameter (the owner coldkey; sudo on a dev chain may set any)") { netuid, name, value };
        signer.AddTo(command);
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var subnet = context.ParseResult.GetValue(netuid);
            var (definition, parsed) = HyperparameterValue.Parse(context.ParseResult.GetValue(name)!, context.ParseResult.GetValue(value)!, "--value");
            using var pair = signer.Open(context);
            using var node = new NodeConnection(context.Network);
            var json = new JsonObject { ["netuid"] = subnet, ["name"] = definition.Name, ["value"] = context.ParseResult.GetValue(value) };
            var inclusion = await ChainTransaction.RunAsync(context, node, pair, new SetHyperparameterCall(subnet, definition.Id, parsed),
                [("Netuid", $"{subnet}"), ("Hyperparameter", definition.Name), ("Value", $"{definition.Render(parsed)}")],
                $"Set {definition.Name} of netuid {subnet}?", json, cancellationToken);
            if (inclusion is null)
            {
                return ExitCodes.Declined;
            }

            ChainTransaction.Report(context, json, $"Set {definition.Name}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
