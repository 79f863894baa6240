namespace Agora.Cli.Infrastructure;

/// <summary>The key a command will use: a secret URI, or a wallet's coldkey or hotkey.</summary>
/// <param name="Uri">The secret URI, when given.</param>
/// <param name="Wallet">The wallet name, otherwise.</param>
/// <param name="Hotkey">The hotkey name, or null for the coldkey.</param>
internal sealed record SignerChoice(string? Uri, string? Wallet, string? Hotkey)
{
    /// <summary>For prompts and errors, e.g. "the coldkey of wallet 'w'".</summary>
    public string Describe() => Uri is not null
        ? "the --uri key"
        : Hotkey is null ? $"the coldkey of wallet '{Wallet}'" : $"hotkey '{Hotkey}' of wallet '{Wallet}'";
}
