using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Protocol.Staking;

namespace Agora.Cli.Commands.Delegates;

/// <summary><c>agora delegates set-take</c>: the owner coldkey sets its hotkey's take (a proportion, at most 0.18).</summary>
internal static class SetTakeCommand
{
    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Coldkey, hotkeySigns: false);
        var hotkey = new HotkeyTargetOptions();
        var take = new Option<string>("--take") { Description = "The take as a proportion, e.g. 0.09 (at most 0.18)", Required = true };
        var command = new Command("set-take", "Set the take (share of dividends) a hotkey you own keeps from its nominators") { take };
        signer.AddTo(command);
        hotkey.AddTo(command);
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var target = hotkey.Resolve(context, signer);
            var text = context.ParseResult.GetValue(take)!;
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var proportion) || proportion > 1)
            {
                throw new CliException($"--take: \"{text}\" is not a proportion between 0 and 1 (e.g. 0.09)");
            }

            var value = (ushort)Math.Round(proportion * ushort.MaxValue, MidpointRounding.AwayFromZero);
            using var pair = signer.Open(context);
            using var node = new NodeConnection(context.Network);
            var json = new JsonObject { ["hotkey"] = target.ToString(), ["take"] = Math.Round((decimal)value / ushort.MaxValue, 9) };
            var inclusion = await ChainTransaction.RunAsync(context, node, pair, new SetTakeCall(target, value),
                [("Hotkey", target.ToString()), ("Take", $"{proportion.ToString(CultureInfo.InvariantCulture)} ({value}/65535)")],
                $"Set the take of {target} to {proportion.ToString(CultureInfo.InvariantCulture)}?", json, cancellationToken);
            if (inclusion is null)
            {
                return ExitCodes.Declined;
            }

            ChainTransaction.Report(context, json, "Take set");
            return ExitCodes.Ok;
        });
        return command;
    }
}
