using System.CommandLine;
using System.Text;

namespace Agora.Cli.Commands.Sim;

/// <summary>Options shared by the <c>sim</c> commands, and reading their input.</summary>
internal static class SimOptions
{
    /// <summary>Exit code for a malformed or unreadable input.</summary>
    public const int InvalidInputExitCode = 1;

    public static Option<string> Input() => new("--input", "-i")
    {
        Description = "Epoch input JSON file (spec/interfaces.md, plus the optional Yuma 3 and liquid alpha fields docs/sim.md lists), or - for stdin.",
        Required = true,
    };

    public static Option<string?> Fields() => new("--fields")
    {
        Description = $"Comma-separated output fields to print, in the format's order whatever the list's (default: all of {string.Join(",", OutputFields.Names)}).",
    };

    /// <summary>
    /// Reads the input's bytes (stdin through <paramref name="stdin"/> when given, as UTF-8); an unreadable or oversized
    /// file gives an error message instead.
    /// </summary>
    public static bool TryReadInput(string path, TextReader? stdin, out byte[] bytes, out string? error)
    {
        error = null;
        bytes = [];
        try
        {
            // Null when the input is over the limit; a file's length is checked before any of it is read.
            byte[]? read;
            if (path == "-")
            {
                read = stdin is null ? ReadStandardInput() : Encoding.UTF8.GetBytes(stdin.ReadToEnd());
            }
            else
            {
                read = new FileInfo(path).Length <= EpochInputJson.InputBytesMax ? File.ReadAllBytes(path) : null;
            }

            if (read is null || read.Length > EpochInputJson.InputBytesMax)
            {
                var source = path == "-" ? "stdin" : $"'{path}'";
                error = $"--input: {source} holds more than {EpochInputJson.InputBytesMax} bytes (1 GiB), the most a sim input may be";
                return false;
            }

            bytes = read;
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"--input: cannot read '{path}' ({exception.Message}); pass an existing JSON file or - for stdin";
            return false;
        }
    }

    /// <summary>Standard input's bytes, or null past <see cref="EpochInputJson.InputBytesMax"/>.</summary>
    private static byte[]? ReadStandardInput()
    {
        using var stream = Console.OpenStandardInput();
        using var copy = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (copy.Length + read > EpochInputJson.InputBytesMax)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    /// <summary>The <c>--fields</c> list as <see cref="OutputFields"/>, or null after writing its error to <paramref name="error"/>.</summary>
    public static OutputFields? LoadFields(string? list, TextWriter error)
    {
        if (OutputFields.TryParse(list, out var fields, out var fieldsError))
        {
            return fields;
        }

        error.WriteLine($"error: {fieldsError}");
        return null;
    }

    /// <summary>Reads and parses the input, writing any error or warning to <paramref name="error"/>.</summary>
    public static SimInput? Load(string path, TextReader? stdin, TextWriter error)
    {
        if (!TryReadInput(path, stdin, out var bytes, out var readError))
        {
            error.WriteLine($"error: {readError}");
            return null;
        }

        if (!EpochInputJson.TryParse(bytes, out var input, out var parseError))
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
