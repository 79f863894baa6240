using Agora.Cli.Infrastructure;
using Agora.Sdk.Wallet;

namespace Agora.Cli.Tests;

/// <summary>Runs the root command in-process with a temp AGORA_HOME, captured stdout/stderr and no terminal.</summary>
internal sealed class CliHarness : IDisposable
{
    private readonly Dictionary<string, string?> _variables = new(StringComparer.Ordinal);

    public CliHarness(ISecureRandom? random = null)
    {
        Home = Directory.CreateTempSubdirectory("agora-cli-tests-").FullName;
        _variables[CliContext.HomeVariable] = Path.Combine(Home, "agora");
        Random = random ?? SystemSecureRandom.Instance;
    }

    public string Home { get; }

    public string AgoraHome => _variables[CliContext.HomeVariable]!;

    public ISecureRandom Random { get; }

    public void With(string variable, string? value) => _variables[variable] = value;

    public CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = CliApp.Run(args, Environment(stdout, stderr));
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The whole command tree, for tests that walk it.</summary>
    public System.CommandLine.RootCommand BuildRoot() => CliApp.BuildRoot(Environment(TextWriter.Null, TextWriter.Null));

    private CliEnvironment Environment(TextWriter stdout, TextWriter stderr) => new()
    {
        Out = stdout,
        Error = stderr,
        IsInputRedirected = true,
        Variable = name => _variables.GetValueOrDefault(name),
        UserHome = Path.Combine(Home, "user"),
        Random = Random,
        Kdf = new KeyfileKdfParameters(MemoryKib: 64, Iterations: 1),
        Terminal = () => throw new InvalidOperationException("tests never prompt"),
    };

    public void Dispose() => Directory.Delete(Home, recursive: true);
}
