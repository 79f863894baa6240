using Agora.Sdk.Wallet;
using Spectre.Console;

namespace Agora.Cli.Infrastructure;

/// <summary>
/// Everything the CLI takes from the process: streams, terminal state, environment variables, the home
/// folder, randomness and the keyfile KDF cost. Tests build one with string writers and a temp home.
/// </summary>
internal sealed class CliEnvironment
{
    /// <summary>Standard output: data and, with --json, exactly one JSON document.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error: errors, warnings, prompts.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>True when stdin is not a terminal: never prompt then.</summary>
    public required bool IsInputRedirected { get; init; }

    /// <summary>True when stdout is a terminal (colours and tables may use ANSI).</summary>
    public bool IsOutputTerminal { get; init; }

    /// <summary>Reads an environment variable.</summary>
    public required Func<string, string?> Variable { get; init; }

    /// <summary>The user's home folder (for ~/.agora when AGORA_HOME is unset).</summary>
    public required string UserHome { get; init; }

    /// <summary>Randomness for new keys, salts and nonces.</summary>
    public ISecureRandom Random { get; init; } = SystemSecureRandom.Instance;

    /// <summary>Argon2id cost for new keyfiles.</summary>
    public KeyfileKdfParameters Kdf { get; init; } = KeyfileKdfParameters.Default;

    /// <summary>Creates the console that prompts (on stderr, reading the terminal); only called when stdin is a terminal.</summary>
    public Func<IAnsiConsole> Terminal { get; init; } = () => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Interactive = InteractionSupport.Yes,
    });

    /// <summary>The real process.</summary>
    public static CliEnvironment FromProcess() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        IsInputRedirected = Console.IsInputRedirected,
        IsOutputTerminal = !Console.IsOutputRedirected,
        Variable = Environment.GetEnvironmentVariable,
        UserHome = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
    };
}
