using System.CommandLine;

namespace Agora.Cli.Commands.Sim;

/// <summary>Options shared by the <c>sim</c> commands, and reading their input.</summary>
internal static class SimOptions
{
    /// <summary>Exit code for a malformed or unreadable input.</summary>
    public const int InvalidInputExitCode = 1;

    public static Option<string> Input() => new("--input", "-i")
    {
        Description = "Epoch input JSON file (spec/interfaces.md), or - for stdin.",
        Required = true,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print JSON (always on: these commands only print JSON).",
    };

    /// <summary>Reads the input text; an unreadable file gives an error message instead.</summary>
    public static bool TryReadInput(string path, TextReader? stdin, out string text, out string? error)
    {
        error = null;
        if (path == "-")
        {
            text = (stdin ?? Console.In).ReadToEnd();
            return true;
        }

        try
        {
            text = File.ReadAllText(path);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            text = string.Empty;
            error = $"--input: cannot read '{path}' ({exception.Message}); pass an existing JSON file or - for stdin";
            return false;
        }
    }

    /// <summary>Reads and parses the input, writing any error or warning to <paramref name="error"/>.</summary>
    public static SimInput? Load(string path, TextReader? stdin, TextWriter error)
    {
        if (!TryReadInput(path, stdin, out var text, out var readError))
        {
            error.WriteLine($"error: {readError}");
            return null;
        }

        if (!EpochInputJson.TryParse(text, out var input, out var parseError))
        {
            error.WriteLine($"error: {parseError}");
            return null;
        }

        foreach (var warning in input.Warnings)
        {
            error.WriteLine($"warning: {warning}");
        }

        return input;
    }
}
