using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Spectre.Console;

namespace Agora.Cli.Commands.Config;

/// <summary><c>agora config get [KEY]</c>: one value, or all values.</summary>
internal static class GetCommand
{
    public static Command Create(CliHost host)
    {
        var key = new Argument<string?>("key") { Description = "The key to show (all when left out)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("get", "Show one default or all of them");
        command.Arguments.Add(key);
        CommandRunner.SetAction(command, host, context =>
        {
            var config = context.Config;
            if (context.ParseResult.GetValue(key) is { } name)
            {
                var value = config.Get(name);
                context.Output.Result(new JsonObject { [name] = value }, console => console.WriteLine(value ?? $"{name} is not set"));
                return ExitCodes.Ok;
            }

            var json = new JsonObject();
            foreach (var (entry, value) in config.Values)
            {
                json[entry] = value;
            }

            context.Output.Result(json, console =>
            {
                if (config.Values.Count == 0)
                {
                    console.WriteLine($"Nothing is set in {config.Path}; use `agora config set KEY VALUE`.");
                    return;
                }

                var table = new Table().AddColumns("Key", "Value");
                foreach (var (entry, value) in config.Values)
                {
                    table.AddRow(Markup.Escape(entry), Markup.Escape(value));
                }

                console.Write(table);
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
