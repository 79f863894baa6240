using System.Globalization;

namespace Agora.Testing.Attacks;

/// <summary>Reads a process's resident memory from /proc (Linux), the figure an out-of-memory kill looks at.</summary>
public static class ProcessMemory
{
    /// <summary>Resident bytes of process <paramref name="processId"/>, or null when it is gone or /proc is missing.</summary>
    public static long? ResidentBytes(int processId)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{processId}/status");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "VmRSS:    123456 kB"
        var line = lines.FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
