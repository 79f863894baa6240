using Agora.Sdk.Wallet;
using Spectre.Console;

namespace Agora.Cli.Rendering;

/// <summary>Shows a new key's mnemonic once, with the warning that it is the only backup.</summary>
internal static class MnemonicPanel
{
    public static void Show(IAnsiConsole console, string what, CreatedKey key)
    {
        var body = new Markup(
            $"[bold]{Markup.Escape(key.Mnemonic)}[/]\n\n" +
            "Write these words down and keep them offline. They are shown only now, and they are the only way " +
            $"to restore this key (`agora wallet regen`). Address: {key.Info.Ss58Address}");
        console.Write(new Panel(body) { Header = new PanelHeader($"Mnemonic of the {Markup.Escape(what)}") });
    }
}
