using System.Diagnostics;
using Agora.Testing;

namespace Agora.EndToEnd.Tests.Harness;

/// <summary>Runs one CLI command as a child process with no terminal, under a time limit.</summary>
internal static class CliRunner
{
    /// <summary>How long a command may run before it is killed and the test fails.</summary>
    public static readonly TimeSpan RunTimeMax = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs <c>dotnet agora.dll <paramref name="arguments"/></c> with <c>AGORA_HOME</c> = <paramref name="home"/>
    /// and stdin closed. Throws <see cref="TimeoutException"/> with the output so far when it runs too long.
    /// </summary>
    public static Task<CliResult> RunAsync(string home, params string[] arguments) => RunWithInputAsync(home, string.Empty, arguments);

    /// <summary>As <see cref="RunAsync"/>, with <paramref name="stdin"/> written to the command's standard input first.</summary>
    public static Task<CliResult> RunWithInputAsync(string home, string stdin, params string[] arguments) =>
        RunWithEnvironmentAsync(home, stdin, new Dictionary<string, string>(), arguments);

    /// <summary>As <see cref="RunWithInputAsync"/>, with <paramref name="environment"/> added to the child's environment.</summary>
    public static async Task<CliResult> RunWithEnvironmentAsync(string home, string stdin, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var startInfo = AgoraBinary.StartInfo(arguments, home);
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"could not start `dotnet {AgoraBinary.DllPath}`");
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(RunTimeMax);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return new CliResult(arguments, process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException e)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`agora {string.Join(' ', arguments)}` did not exit within {RunTimeMax.TotalSeconds} s and was killed", e);
        }
    }
}
