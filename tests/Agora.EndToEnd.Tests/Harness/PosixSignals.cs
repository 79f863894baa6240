using System.Diagnostics;
using System.Globalization;

namespace Agora.EndToEnd.Tests.Harness;

/// <summary>
/// Sends SIGTERM through <c>kill -TERM</c>: <see cref="Process.Kill()"/> sends SIGKILL on Linux, which is the
/// crash, not the polite stop.
/// </summary>
internal static class PosixSignals
{
    private static readonly TimeSpan KillCommandTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Asks process <paramref name="processId"/> to terminate; throws if <c>kill</c> fails.</summary>
    public static async Task TerminateAsync(int processId)
    {
        var info = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        info.ArgumentList.Add("-TERM");
        info.ArgumentList.Add(processId.ToString(CultureInfo.InvariantCulture));
        using var kill = Process.Start(info) ?? throw new InvalidOperationException("could not start `kill`; is it on PATH?");
        using var timeout = new CancellationTokenSource(KillCommandTimeout);
        var error = await kill.StandardError.ReadToEndAsync(timeout.Token);
        await kill.WaitForExitAsync(timeout.Token);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"`kill -TERM {processId}` exited {kill.ExitCode}: {error.Trim()}");
        }
    }
}
