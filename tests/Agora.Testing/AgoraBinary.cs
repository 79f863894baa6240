using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Agora.Testing;

/// <summary>
/// The built CLI, run as <c>dotnet agora.dll ...</c> by the end-to-end tests and the load benchmarks. The dll is the
/// one built in src/Agora.Cli/bin/&lt;configuration&gt;/&lt;framework&gt; for the caller's configuration, never
/// ./agora, which would rebuild under tests running in parallel.
/// </summary>
public static class AgoraBinary
{
    private static readonly Lazy<string> Dll = new(Locate);

    /// <summary>Full path of agora.dll; throws naming the build command when it is missing.</summary>
    public static string DllPath => Dll.Value;

    /// <summary>
    /// Start info for <c>dotnet agora.dll <paramref name="arguments"/></c> with every stream redirected, stdin
    /// included (so the CLI never sees a terminal) and <c>AGORA_HOME</c> set to <paramref name="home"/>.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, string home)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["AGORA_HOME"] = home;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["NO_COLOR"] = "1";
        return info;
    }

    /// <summary>
    /// As <see cref="StartInfo(IEnumerable{string}, string)"/>, run through <c>/bin/sh</c> with the open-file limit
    /// lowered to <paramref name="descriptorLimit"/> (e.g. the common default of 1,024) for the CLI it then execs.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, string home, int descriptorLimit)
    {
        var info = StartInfo(arguments, home);
        info.ArgumentList.Insert(0, info.FileName);
        info.ArgumentList.Insert(0, "sh"); // $0 of the script; "$@" is dotnet and its arguments
        info.ArgumentList.Insert(0, $"ulimit -n {descriptorLimit.ToString(CultureInfo.InvariantCulture)} && exec \"$@\"");
        info.ArgumentList.Insert(0, "-c");
        info.FileName = "/bin/sh";
        return info;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Locate()
    {
        var configuration = typeof(AgoraBinary).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var framework = Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var root = RepositoryRoot();
        var path = Path.Combine(root, "src", "Agora.Cli", "bin", configuration, framework, "agora.dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"the CLI is not built: expected {path}. Build it with `dotnet build src/Agora.Cli -c {configuration}` " +
                "(building the end-to-end tests builds it too)", path);
        }

        return path;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Agora.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"no Agora.slnx above {AppContext.BaseDirectory}: run the tests or benchmarks from a build inside the repository");
    }
}
