using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Spectre.Console;

namespace Agora.Cli.Rendering;

/// <summary>Writes a command's result: one JSON document with --json, otherwise the human rendering.</summary>
internal sealed class CommandOutput(CliContext context)
{
    /// <summary>Writes <paramref name="json"/> with --json, else runs <paramref name="human"/>.</summary>
    public void Result(JsonNode json, Action<IAnsiConsole> human)
    {
        if (context.Json)
        {
            JsonOutput.Write(context.Environment.Out, json);
        }
        else
        {
            human(context.Console);
        }
    }
}
