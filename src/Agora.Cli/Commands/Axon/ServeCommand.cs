using System.CommandLine;
using System.Net;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Protocol.Neurons;

namespace Agora.Cli.Commands.Axon;

/// <summary><c>agora axon serve --netuid N --ip IP --port P</c>: a registered hotkey announces its axon (its owner pays the fee).</summary>
internal static class ServeCommand
{
    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Hotkey);
        var netuid = NetuidOption.Create("--netuid", "Subnet the hotkey is registered on");
        var ip = new Option<string>("--ip") { Description = "IPv4 or IPv6 address validators reach the axon at", Required = true };
        var port = new Option<ushort>("--port") { Description = "TCP port of the axon", Required = true };
        var protocol = new Option<byte>("--protocol") { Description = "Protocol number (0 = HTTP, the axon protocol)", DefaultValueFactory = _ => 0 };
        var version = new Option<uint>("--version") { Description = "Software version the axon announces", DefaultValueFactory = _ => 0 };
        var command = new Command("serve", "Announce the axon of a registered hotkey (--uri of the hotkey, or --wallet W --hotkey H)") { netuid, ip, port, protocol, version };
        signer.AddTo(command);
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var subnet = context.ParseResult.GetValue(netuid);
            var text = context.ParseResult.GetValue(ip)!;
            if (!IPAddress.TryParse(text, out var address))
            {
                throw new CliException($"--ip: '{text}' is not an IPv4 or IPv6 address");
            }

            var portNumber = context.ParseResult.GetValue(port);
            var protocolNumber = context.ParseResult.GetValue(protocol);
            var versionNumber = context.ParseResult.GetValue(version);
            using var pair = signer.Open(context);
            using var node = new NodeConnection(context.Network);
            var json = new JsonObject
            {
                ["netuid"] = subnet,
                ["hotkey"] = pair.Account.ToString(),
                ["ip"] = address.ToString(),
                ["port"] = portNumber,
                ["protocol"] = protocolNumber,
                ["version"] = versionNumber,
            };
            var inclusion = await ChainTransaction.RunAsync(context, node, pair,
                new ServeAxonCall(subnet, address.GetAddressBytes(), portNumber, protocolNumber, versionNumber),
                [("Netuid", $"{subnet}"), ("Axon", $"{Endpoint(address, portNumber)} (protocol {protocolNumber}, version {versionNumber})")],
                $"Announce {Endpoint(address, portNumber)} for {pair.Account} on netuid {subnet}?", json, cancellationToken);
            if (inclusion is null)
            {
                return ExitCodes.Declined;
            }

            ChainTransaction.Report(context, json, $"Axon {Endpoint(address, portNumber)} served");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Endpoint(IPAddress address, ushort port) => new IPEndPoint(address, port).ToString();
}
