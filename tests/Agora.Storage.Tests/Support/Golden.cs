using System.Runtime.CompilerServices;

namespace Agora.Storage.Tests.Support;

/// <summary>
/// Golden files next to the tests: compares text with <c>Golden/NAME.txt</c>; with <c>AGORA_UPDATE_SNAPSHOTS=1</c>
/// writes it instead.
/// </summary>
public static class Golden
{
    public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var directory = FindGoldenDirectory(callerPath);
        var path = Path.Combine(directory, name + ".txt");
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("AGORA_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests with AGORA_UPDATE_SNAPSHOTS=1 to create it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(
            expected == actual,
            $"{name} differs from {path}. A persisted format changed: if that is intended (and versioned), regenerate with " +
            $"AGORA_UPDATE_SNAPSHOTS=1.\nexpected:\n{expected}\nactual:\n{actual}");
    }

    private static string FindGoldenDirectory(string callerPath)
    {
        var directory = Path.GetDirectoryName(callerPath);
        while (directory is not null && !File.Exists(Path.Combine(directory, "Agora.Storage.Tests.csproj")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return Path.Combine(directory ?? throw new InvalidOperationException($"no test project above {callerPath}"), "Golden");
    }
}
