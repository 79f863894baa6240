using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Protocol.Staking;

namespace Agora.Cli.Commands.Stake;

/// <summary><c>agora stake move</c>: moves stake from one (hotkey, netuid) to another, steering emission.</summary>
internal static class MoveCommand
{
    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Coldkey, hotkeySigns: false);
        var hotkey = new HotkeyTargetOptions();
        var netuid = NetuidOption.Create("--netuid", "Subnet the stake is on now");
        var toHotkey = new Option<string?>("--to-hotkey-ss58") { Description = "Hotkey to move to (default: the same hotkey)" };
        var toNetuid = NetuidOption.Create("--to-netuid", "Subnet to move to");
        var amount = new AmountOptions(allowAll: true);
        var command = new Command("move", "Move stake to another hotkey and/or subnet without unstaking") { netuid, toHotkey, toNetuid };
        signer.AddTo(command);
        hotkey.AddTo(command);
        amount.AddTo(command);
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var from = hotkey.Resolve(context, signer);
            var to = context.ParseResult.GetValue(toHotkey) is { } text ? CliContext.ParseAddress(text, "--to-hotkey-ss58") : from;
            var fromNetuid = context.ParseResult.GetValue(netuid);
            var destination = context.ParseResult.GetValue(toNetuid);
            var value = amount.Resolve(context);
            using var pair = signer.Open(context);
            using var node = new NodeConnection(context.Network);
            var json = new JsonObject
            {
                ["coldkey"] = pair.Account.ToString(),
                ["from_hotkey"] = from.ToString(),
                ["from_netuid"] = fromNetuid,
                ["to_hotkey"] = to.ToString(),
                ["to_netuid"] = destination,
            };
            var inclusion = await ChainTransaction.RunAsync(context, node, pair, new MoveStakeCall(from, fromNetuid, to, destination, value),
                [("From", $"{from} on netuid {fromNetuid}"), ("To", $"{to} on netuid {destination}"), ("Amount (TAO)", AmountOptions.Describe(value))],
                $"Move {AmountOptions.Describe(value)} TAO of stake to netuid {destination}?", json, cancellationToken);
            if (inclusion is null)
            {
                return ExitCodes.Declined;
            }

            json["amount"] = inclusion.Event("stake_moved") is { } moved ? moved.GetProperty("amount").GetUInt64() : value.Value;
            ChainTransaction.Report(context, json, "Moved stake");
            return ExitCodes.Ok;
        });
        return command;
    }
}
