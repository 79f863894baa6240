using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Protocol.Staking;

namespace Agora.Cli.Commands.Stake;

/// <summary><c>agora stake add</c>: moves free TAO of the coldkey into stake on (hotkey, netuid).</summary>
internal static class AddCommand
{
    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Coldkey, hotkeySigns: false);
        var hotkey = new HotkeyTargetOptions();
        var netuid = NetuidOption.Create("--netuid", "Subnet to stake on");
        var amount = new AmountOptions(allowAll: false);
        var command = new Command("add", "Stake free TAO of the coldkey to an owned hotkey on a subnet") { netuid };
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
            var json = new JsonObject { ["coldkey"] = pair.Account.ToString(), ["hotkey"] = target.ToString(), ["netuid"] = subnet, ["amount"] = value.Value };
            var inclusion = await ChainTransaction.RunAsync(context, node, pair, new AddStakeCall(target, subnet, value),
                [("Hotkey", target.ToString()), ("Netuid", $"{subnet}"), ("Amount (TAO)", value.ToTaoString())],
                $"Stake {value.ToTaoString()} TAO to {target} on netuid {subnet}?", json, cancellationToken);
            if (inclusion is null)
            {
                return ExitCodes.Declined;
            }

            ChainTransaction.Report(context, json, $"Staked {value.ToTaoString()} TAO");
            return ExitCodes.Ok;
        });
        return command;
    }
}
