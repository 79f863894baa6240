using System.CommandLine;

namespace Agora.Cli.Infrastructure;

/// <summary>
/// Options every command accepts (recursive on the root command), read through <see cref="CliContext"/>:
/// output mode, prompt policy, node selection, password source and wallets folder. One instance per root
/// command, so that each parse (and each test) has its own option objects.
/// </summary>
internal sealed class CommonOptions
{
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON document on stdout and nothing else",
        Recursive = true,
    };

    public Option<bool> NoPrompt { get; } = new("--no-prompt", "-y")
    {
        Description = "Never ask for confirmation (prompts appear only when stdin is a terminal)",
        Recursive = true,
    };

    public Option<string?> Network { get; } = new("--network", "--rpc")
    {
        Description = "Node to talk to: local (http://127.0.0.1:9944, the default) or a URL",
        Recursive = true,
    };

    public Option<string?> PasswordFile { get; } = new("--password-file")
    {
        Description = "Read the key password from the first line of this file (or set AGORA_PASSWORD)",
        Recursive = true,
    };

    public Option<string?> WalletsPath { get; } = new("--wallets-path")
    {
        Description = "Folder holding the wallets (default: config wallets_path, else $AGORA_HOME/wallets)",
        Recursive = true,
    };

    /// <summary>Adds every common option to the root command.</summary>
    public void AddTo(RootCommand root)
    {
        root.Options.Add(Json);
        root.Options.Add(NoPrompt);
        root.Options.Add(Network);
        root.Options.Add(PasswordFile);
        root.Options.Add(WalletsPath);
    }
}
