using System.Runtime.CompilerServices;

namespace Agora.Runtime.Tests;

/// <summary>Golden files beside the tests; AGORA_UPDATE_SNAPSHOTS=1 rewrites them.</summary>
internal static class Golden
{
    public static void Check(string name, string actual)
    {
        var path = Path.Combine(Path.GetDirectoryName(SourcePath())!, "Golden", name);
        if (Environment.GetEnvironmentVariable("AGORA_UPDATE_SNAPSHOTS") == "1"
            || (!File.Exists(path) && Environment.GetEnvironmentVariable("CI") != "true"))
        {
            File.WriteAllText(path, actual);
        }

        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string SourcePath([CallerFilePath] string path = "") => path;
}
