using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Spectre.Console;

namespace Agora.Cli.Commands.Subnets;

/// <summary><c>agora subnets lock-cost</c>: the TAO a subnet proposal locks now.</summary>
internal static class LockCostCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("lock-cost", "Show the TAO a subnet proposal locks now (doubles at each launch, then decays)");
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            using var node = new NodeConnection(context.Network);
            var cost = await node.Chain.GetLockCostAsync(cancellationToken);
            var json = new JsonObject { ["lock_cost"] = cost.LockCost.Value, ["block"] = cost.Block };
            context.Output.Result(json, console => console.WriteLine($"{cost.LockCost.ToTaoString()} TAO (for a proposal included in block #{cost.Block})"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
