using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Agora.Cli.Rendering;

/// <summary>Writes the single JSON document of a --json command: indented, snake_case keys chosen by the caller.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions _options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="node"/> and a newline.</summary>
    public static void Write(TextWriter writer, JsonNode node)
    {
        writer.Write(node.ToJsonString(_options));
        writer.Write('\n');
        writer.Flush();
    }
}
