using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Protocol.Staking;

namespace Agora.Cli.Commands.Stake;

/// <summary><c>agora stake remove</c>: takes stake on (hotkey, netuid) back to the coldkey's free balance.</summary>
internal static class RemoveCommand
{
    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Coldkey, hotkeySigns: false);
        var hotkey = new HotkeyTargetOptions();
        var netuid = NetuidOption.Create("--netuid", "Subnet to unstake from");
        var amount = new AmountOptions(allowAll: true);
        var command = new Command("remove", "Unstake TAO from a hotkey on a subnet back to the coldkey's free balance") { netuid };
        signer.AddTo(command);
        hotkey.AddTo(command);
        amount.AddTo(command);
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var target = hotkey.Resolve(context, signer);
            var subnet = context.ParseResult.GetValue(netuid);
            var value = amount.Resolve(context);
            using var pair = signer.Open(context);
            using var node = new NodeConnection(context.Network);
            var json = new JsonObject { ["coldkey"] = pair.Account.ToString(), ["hotkey"] = target.ToString(), ["netuid"] = subnet };
            var inclusion = await ChainTransaction.RunAsync(context, node, pair, new RemoveStakeCall(target, subnet, value),
                [("Hotkey", target.ToString()), ("Netuid", $"{subnet}"), ("Amount (TAO)", AmountOptions.Describe(value))],
                $"Unstake {AmountOptions.Describe(value)} TAO from {target} on netuid {subnet}?", json, cancellationToken);
            if (inclusion is null)
            {
                return ExitCodes.Declined;
            }

            json["amount"] = inclusion.Event("stake_removed") is { } removed ? removed.GetProperty("amount").GetUInt64() : value.Value;
            ChainTransaction.Report(context, json, "Unstaked");
            return ExitCodes.Ok;
        });
        return command;
    }
}
