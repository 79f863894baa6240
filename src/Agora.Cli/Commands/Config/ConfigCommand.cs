using System.CommandLine;
using Agora.Cli.Infrastructure;

namespace Agora.Cli.Commands.Config;

/// <summary><c>agora config ...</c>: defaults in $AGORA_HOME/config.json.</summary>
internal static class ConfigCommand
{
    public static Command Create(CliHost host)
    {
        var config = new Command("config", $"Read and change defaults in $AGORA_HOME/config.json (keys: {string.Join(", ", CliConfig.Keys)})");
        config.Subcommands.Add(SetCommand.Create(host));
        config.Subcommands.Add(GetCommand.Create(host));
        config.Subcommands.Add(UnsetCommand.Create(host));
        return config;
    }
}
