using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Protocol.Neurons;

namespace Agora.Cli.Commands.Subnets;

/// <summary>
/// <c>agora subnets register --netuid N</c>: the coldkey burns the subnet's registration cost and its hotkey takes a
/// uid (replacing the lowest-scoring non-immune neuron when the subnet is full). Needs both secrets.
/// </summary>
internal static class RegisterCommand
{
    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Coldkey, hotkeySigns: false);
        var hotkeySecret = new HotkeySecretOptions("hotkey", "to register");
        var netuid = NetuidOption.Create("--netuid", "Subnet to register on");
        var command = new Command("register", "Register a hotkey on a subnet by burning the registration cost (--wallet W --hotkey H, or --uri COLD --hotkey-uri HOT)") { netuid };
        hotkeySecret.AddTo(command);
        signer.AddTo(command);
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var subnet = context.ParseResult.GetValue(netuid);
            using var coldkey = signer.Open(context);
            using var hotkey = hotkeySecret.Open(context, signer);
            using var node = new NodeConnection(context.Network);
            var genesis = await node.Chain.GetBlockHashAsync(0, cancellationToken) ?? throw new CliException("the node has no genesis block");
            var burn = (await node.Chain.GetBurnAsync(subnet, cancellationToken)).Burn;
            var proof = HotkeySecretOptions.Proof(hotkey, coldkey.Account, genesis);
            var json = new JsonObject
            {
                ["netuid"] = subnet,
                ["coldkey"] = coldkey.Account.ToString(),
                ["hotkey"] = hotkey.Account.ToString(),
                ["burn"] = burn.Value,
            };
            var inclusion = await ChainTransaction.RunAsync(context, node, coldkey, new BurnedRegisterCall(subnet, hotkey.Account, proof),
                [("Netuid", $"{subnet}"), ("Hotkey", hotkey.Account.ToString()), ("Burn (TAO)", burn.ToTaoString())],
                $"Burn {burn.ToTaoString()} TAO to register {hotkey.Account} on netuid {subnet}?", json, cancellationToken);
            if (inclusion is null)
            {
                return ExitCodes.Declined;
            }

            var registered = inclusion.Event("neuron_registered") ?? throw new CliException("the registration was included but the node reported no neuron_registered event");
            json["uid"] = registered.GetProperty("uid").GetUInt16();
            json["burn"] = registered.GetProperty("burn").GetUInt64();
            var replaced = inclusion.Event("neuron_replaced");
            if (replaced is { } neuronReplaced)
            {
                json["replaced_hotkey"] = neuronReplaced.GetProperty("old_hotkey").GetString();
            }

            ChainTransaction.Report(context, json, replaced is null
                ? $"Registered as uid {json["uid"]} on netuid {subnet}"
                : $"Registered as uid {json["uid"]} on netuid {subnet}, replacing {json["replaced_hotkey"]} (see `agora subnets deregistrations {subnet}`)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
