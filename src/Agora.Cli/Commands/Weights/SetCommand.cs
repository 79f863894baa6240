using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Protocol.Weights;

namespace Agora.Cli.Commands.Weights;

/// <summary><c>agora weights set</c>: a hotkey sets its weights directly (refused while the subnet has commit-reveal on).</summary>
internal static class SetCommand
{
    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Hotkey);
        var netuid = NetuidOption.Create("--netuid", "Subnet to set weights on");
        var arguments = new WeightsArguments();
        var command = new Command("set", "Set weights directly (only when the subnet has commit-reveal off; else use commit and reveal)") { netuid };
        arguments.AddTo(command);
        signer.AddTo(command);
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var subnet = context.ParseResult.GetValue(netuid);
            var (uids, weights) = arguments.Resolve(context);
            using var pair = signer.Open(context);
            using var node = new NodeConnection(context.Network);
            var versionKey = await arguments.ResolveVersionKeyAsync(context, node, subnet, cancellationToken);
            var json = new JsonObject
            {
                ["netuid"] = subnet,
                ["hotkey"] = pair.Account.ToString(),
                ["uids"] = new JsonArray([.. uids.Select(u => (JsonNode)u)]),
                ["weights"] = new JsonArray([.. weights.Select(w => (JsonNode)w)]),
                ["version_key"] = versionKey,
            };
            var inclusion = await ChainTransaction.RunAsync(context, node, pair, new SetWeightsCall(subnet, uids, weights, versionKey),
                [("Netuid", $"{subnet}"), ("Weights (uid: u16)", WeightsArguments.Describe(uids, weights))],
                $"Set {uids.Length} weights on netuid {subnet}?", json, cancellationToken);
            if (inclusion is null)
            {
                return ExitCodes.Declined;
            }

            ChainTransaction.Report(context, json, "Weights set");
            return ExitCodes.Ok;
        });
        return command;
    }
}
