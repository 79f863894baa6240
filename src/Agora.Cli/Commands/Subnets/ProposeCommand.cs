using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Protocol.Governance;
using Agora.Protocol.Subnets;
using Spectre.Console;

namespace Agora.Cli.Commands.Subnets;

/// <summary><c>agora subnets propose</c>: the coldkey proposes a subnet, locking the lock cost until the senate decides.</summary>
internal static class ProposeCommand
{
    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Coldkey, hotkeySigns: false);
        var name = new Option<string>("--name") { Description = "Subnet name: 1–32 printable ASCII characters", Required = true };
        var description = new Option<string?>("--description") { Description = "What the subnet does (up to 256 bytes)" };
        var ownerHotkey = new Option<string?>("--owner-hotkey-ss58") { Description = "Owner hotkey (default: the signing coldkey itself)" };
        var set = new Option<string[]>("--set") { Description = "A hyperparameter that differs from the defaults: name=value (repeatable)", AllowMultipleArgumentsPerToken = false };
        var command = new Command("propose", "Propose a subnet; the lock cost is reserved until the senate approves (launch) or rejects it") { name, description, ownerHotkey, set };
        signer.AddTo(command);
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var overrides = (context.ParseResult.GetValue(set) ?? []).Select(ParseOverride).ToArray();
            using var pair = signer.Open(context);
            var owner = context.ParseResult.GetValue(ownerHotkey) is { } text ? CliContext.ParseAddress(text, "--owner-hotkey-ss58") : pair.Account;
            var subnetName = context.ParseResult.GetValue(name)!;
            using var node = new NodeConnection(context.Network);
            var lockCost = await node.Chain.GetLockCostAsync(cancellationToken);
            var json = new JsonObject { ["name"] = subnetName, ["proposer"] = pair.Account.ToString(), ["owner_hotkey"] = owner.ToString() };
            var call = new ProposeSubnetCall(subnetName, context.ParseResult.GetValue(description) ?? string.Empty, owner, overrides);
            var inclusion = await ChainTransaction.RunAsync(context, node, pair, call,
                [("Name", subnetName), ("Owner hotkey", owner.ToString()), ("Lock (TAO, about)", lockCost.LockCost.ToTaoString()),
                 ("Overrides", overrides.Length == 0 ? "none" : string.Join(", ", overrides.Select(o => $"{Hyperparameters.Describe(o.Parameter).Name}={o.Value}")))],
                $"Propose subnet \"{subnetName}\", locking about {lockCost.LockCost.ToTaoString()} TAO?", json, cancellationToken);
            if (inclusion is null)
            {
                return ExitCodes.Declined;
            }

            var proposed = inclusion.Event("subnet_proposed") ?? throw new CliException($"block #{inclusion.BlockNumber} holds no subnet_proposed event for the transaction; check `agora subnets proposals`");
            json["proposal_id"] = proposed.GetProperty("proposal_id").GetUInt64();
            json["lock"] = proposed.GetProperty("lock").GetUInt64();
            json["end_block"] = proposed.GetProperty("end_block").GetUInt64();
            context.Output.Result(json, console => console.WriteLine(
                $"Proposed subnet \"{subnetName}\" as proposal {json["proposal_id"]} (lock {new Core.Primitives.Rao(json["lock"]!.GetValue<ulong>()).ToTaoString()} TAO); the senate votes until block #{json["end_block"]}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static HyperparameterOverride ParseOverride(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new CliException($"--set: \"{text}\" is not name=value (e.g. --set tempo=99)");
        }

        var (definition, value) = HyperparameterValue.Parse(text[..equals], text[(equals + 1)..], "--set");
        return new HyperparameterOverride(definition.Id, value);
    }
}
