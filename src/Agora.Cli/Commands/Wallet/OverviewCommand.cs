using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Core.Primitives;
using Agora.Sdk.Client;
using Spectre.Console;

namespace Agora.Cli.Commands.Wallet;

/// <summary><c>agora wallet overview [--wallet W]</c>: every hotkey of a wallet with its registrations, stake and last emission.</summary>
internal static class OverviewCommand
{
    public static Command Create(CliHost host)
    {
        var wallet = new Option<string?>("--wallet") { Description = "Wallet to show (default: config wallet)" };
        var command = new Command("overview", "Show every hotkey of a wallet: the subnets it is registered on, uid, stake and last emission") { wallet };
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var name = context.ParseResult.GetValue(wallet) ?? context.Config.Get("wallet") ?? throw new CliException(
                "no wallet chosen: pass --wallet NAME, or set a default with `agora config set wallet NAME`");
            var summary = context.Wallets.List().FirstOrDefault(w => w.Name == name)
                ?? throw new CliException($"no wallet named {name} in {context.Wallets.Root}; `agora wallet list` shows them");
            using var node = new NodeConnection(context.Network);
            var hotkeys = new List<(string Name, AccountId Account, HotkeyDetails? Details)>();
            foreach (var key in summary.Hotkeys)
            {
                if (key.Info is { } info)
                {
                    hotkeys.Add((key.Name, info.Account, await node.Chain.GetHotkeyAsync(info.Account, cancellationToken)));
                }
            }

            context.Output.Result(Json(name, hotkeys), console => console.Write(Table(name, hotkeys)));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static JsonObject Json(string wallet, IReadOnlyList<(string Name, AccountId Account, HotkeyDetails? Details)> hotkeys) => new()
    {
        ["wallet"] = wallet,
        ["hotkeys"] = new JsonArray(hotkeys.Select(h => (JsonNode)new JsonObject
        {
            ["name"] = h.Name,
            ["hotkey"] = h.Account.ToString(),
            ["total_stake"] = h.Details?.TotalStake.Value ?? 0,
            ["registrations"] = new JsonArray((h.Details?.Registrations ?? []).Select(r => (JsonNode)new JsonObject
            {
                ["netuid"] = r.Netuid,
                ["uid"] = r.Uid,
                ["stake"] = StakeOn(h.Details!, r.Netuid).Value,
                ["emission"] = r.Emission.Value,
            }).ToArray()),
        }).ToArray()),
    };

    private static Table Table(string wallet, IReadOnlyList<(string Name, AccountId Account, HotkeyDetails? Details)> hotkeys)
    {
        var table = new Table { Title = new TableTitle($"Wallet {Markup.Escape(wallet)}") }
            .AddColumns("Hotkey", "Address", "Netuid", "UID", "Stake (TAO)", "Last emission (TAO)");
        foreach (var (name, account, details) in hotkeys)
        {
            var registrations = details?.Registrations ?? [];
            if (registrations.Count == 0)
            {
                table.AddRow(Markup.Escape(name), account.ToString(), "-", "-", (details?.TotalStake ?? Rao.Zero).ToTaoString(), "-");
                continue;
            }

            foreach (var r in registrations)
            {
                table.AddRow(Markup.Escape(name), account.ToString(), $"{r.Netuid}", $"{r.Uid}", StakeOn(details!, r.Netuid).ToTaoString(), r.Emission.ToTaoString());
            }
        }

        return table;
    }

    private static Rao StakeOn(HotkeyDetails details, ushort netuid) =>
        details.Stakes.FirstOrDefault(s => s.Netuid == netuid)?.Stake ?? Rao.Zero;
}
