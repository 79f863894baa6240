using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Spectre.Console;

namespace Agora.Cli.Commands.Config;

/// <summary><c>agora config unset KEY</c>: removes a default.</summary>
internal static class UnsetCommand
{
    public static Command Create(CliHost host)
    {
        var key = new Argument<string>("key") { Description = string.Join(", ", CliConfig.Keys) };
        var command = new Command("unset", "Remove a default");
        command.Arguments.Add(key);
        CommandRunner.SetAction(command, host, context =>
        {
            var name = context.ParseResult.GetValue(key)!;
            var removed = context.Config.Unset(name);
            context.Config.Save();
            context.Output.Result(new JsonObject { ["removed"] = removed }, console =>
                console.WriteLine(removed ? $"{name} removed" : $"{name} was not set"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
