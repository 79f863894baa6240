using System.Text.Json;

namespace Agora.EndToEnd.Tests.Harness;

/// <summary>What a CLI process did: its exit code and everything it wrote.</summary>
internal sealed record CliResult(IReadOnlyList<string> Arguments, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout parsed as the one JSON document <c>--json</c> promises; throws showing the whole run otherwise.</summary>
    public JsonElement Json()
    {
        try
        {
            using var document = JsonDocument.Parse(Stdout);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"stdout is not one JSON document ({e.Message}). {this}", e);
        }
    }

    /// <summary>The command line, exit code and both streams, for assertion messages.</summary>
    public override string ToString() =>
        $"`agora {string.Join(' ', Arguments)}` exited {ExitCode}{Environment.NewLine}" +
        $"stdout: {Stdout}{Environment.NewLine}stderr: {Stderr}";
}
