using System.Text.Json.Nodes;
using Agora.Sdk.Wallet;
using Spectre.Console;

namespace Agora.Cli.Rendering;

/// <summary>How <c>wallet list</c> shows wallets: a table for people, a JSON array for scripts.</summary>
internal static class WalletTable
{
    /// <summary>One row per key: wallet, key, address, encrypted.</summary>
    public static Table Build(IReadOnlyList<WalletSummary> wallets)
    {
        var table = new Table().AddColumns("Wallet", "Key", "SS58 address", "Encrypted");
        foreach (var wallet in wallets)
        {
            var keys = wallet.Coldkey is null ? wallet.Hotkeys : [wallet.Coldkey, .. wallet.Hotkeys];
            if (keys.Count == 0)
            {
                table.AddRow(Markup.Escape(wallet.Name), "(empty)", string.Empty, string.Empty);
            }

            foreach (var key in keys)
            {
                var name = key.IsHotkey ? $"hotkey {key.Name}" : "coldkey";
                var address = key.Info?.Ss58Address ?? $"[red]{Markup.Escape(key.Problem ?? "unreadable")}[/]";
                var encrypted = key.Info is null ? string.Empty : key.Info.IsEncrypted ? "yes" : "no";
                table.AddRow(Markup.Escape(wallet.Name), Markup.Escape(name), address, encrypted);
            }
        }

        return table;
    }

    /// <summary><c>{ "wallets_path": ..., "wallets": [ { "name", "coldkey", "hotkeys": [...] } ] }</c>.</summary>
    public static JsonObject Json(string walletsPath, IReadOnlyList<WalletSummary> wallets)
    {
        var array = new JsonArray();
        foreach (var wallet in wallets)
        {
            var hotkeys = new JsonArray();
            foreach (var hotkey in wallet.Hotkeys)
            {
                hotkeys.Add(Key(hotkey));
            }

            array.Add(new JsonObject
            {
                ["name"] = wallet.Name,
                ["coldkey"] = wallet.Coldkey is null ? null : Key(wallet.Coldkey),
                ["hotkeys"] = hotkeys,
            });
        }

        return new JsonObject { ["wallets_path"] = walletsPath, ["wallets"] = array };
    }

    private static JsonObject Key(WalletKey key)
    {
        var json = new JsonObject { ["name"] = key.Name };
        if (key.Info is { } info)
        {
            json["ss58_address"] = info.Ss58Address;
            json["public_key"] = info.PublicKeyHex;
            json["encrypted"] = info.IsEncrypted;
        }
        else
        {
            json["error"] = key.Problem;
        }

        return json;
    }
}
