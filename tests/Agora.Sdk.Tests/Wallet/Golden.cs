using System.Runtime.CompilerServices;

namespace Agora.Sdk.Tests.Wallet;

/// <summary>Golden files beside this source; AGORA_UPDATE_SNAPSHOTS=1 rewrites them.</summary>
internal static class Golden
{
    public static string Check(string name, string actual, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "Golden", name);
        if (Environment.GetEnvironmentVariable("AGORA_UPDATE_SNAPSHOTS") == "1"
            || (!File.Exists(path) && Environment.GetEnvironmentVariable("CI") != "true"))
        {
            File.WriteAllText(path, actual);
        }

        var expected = File.ReadAllText(path);
        Assert.Equal(expected, actual);
        return expected;
    }
}
