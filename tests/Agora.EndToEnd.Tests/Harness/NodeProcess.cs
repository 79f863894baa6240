using System.Diagnostics;
using System.Globalization;
using Agora.Sdk.Client;
using Agora.Testing;

namespace Agora.EndToEnd.Tests.Harness;

/// <summary>
/// A dev node running as a child process (<c>dotnet agora.dll node --dev ...</c>) on free ports, with its
/// stderr (where it logs) kept for failure messages. Stop it politely with <see cref="StopAsync"/> (SIGTERM),
/// crash it with <see cref="KillAsync"/> (SIGKILL); disposing kills it if it still runs.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    /// <summary>Block time the tests run nodes with.</summary>
    public const ulong FastBlockTimeMs = 250;

    /// <summary>How long a node may take to answer <c>system_health</c> after it was started.</summary>
    public static readonly TimeSpan StartTimeMax = TimeSpan.FromSeconds(60);

    /// <summary>How long a node may take to exit after SIGTERM or SIGKILL.</summary>
    public static readonly TimeSpan StopTimeMax = TimeSpan.FromSeconds(20);

    private const int StartAttemptCountMax = 3;
    private static readonly TimeSpan HealthPollInterval = TimeSpan.FromMilliseconds(100);

    private readonly Process _process;

    private NodeProcess(Process process, string basePath, int rpcPort, int metricsPort)
    {
        _process = process;
        BasePath = basePath;
        RpcUrl = new Uri($"http://127.0.0.1:{rpcPort}/");
        MetricsUrl = new Uri($"http://127.0.0.1:{metricsPort}/metrics");
    }

    /// <summary>The data directory (the RocksDB store is in its <c>chain</c> folder).</summary>
    public string BasePath { get; }

    /// <summary>JSON-RPC over HTTP.</summary>
    public Uri RpcUrl { get; }

    /// <summary>Prometheus text.</summary>
    public Uri MetricsUrl { get; }

    /// <summary>What the node logged (stderr), plus anything it wrote to stdout.</summary>
    public OutputLog Log { get; } = new();

    /// <summary>The process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts a dev node on <paramref name="basePath"/> (created, or reopened where it stopped) and waits until
    /// it answers <c>system_health</c>. Retries on fresh ports when a port was taken in the meantime.
    /// </summary>
    public static Task<NodeProcess> StartAsync(string basePath, ulong blockTimeMs = FastBlockTimeMs) =>
        StartAsync(basePath, ["--dev", "--block-time-ms", blockTimeMs.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>As <see cref="StartAsync(string, ulong)"/>, with the chain created from the chain spec file <paramref name="chainSpecFile"/> (<c>--chain</c>).</summary>
    public static Task<NodeProcess> StartWithChainSpecAsync(string basePath, string chainSpecFile) =>
        StartAsync(basePath, ["--chain", chainSpecFile]);

    /// <summary>
    /// As <see cref="StartWithChainSpecAsync(string, string)"/>, with the process's open-file limit lowered to
    /// <paramref name="descriptorLimit"/> (the common default of 1,024, where a connection flood used to kill the node).
    /// </summary>
    public static Task<NodeProcess> StartWithChainSpecAsync(string basePath, string chainSpecFile, int descriptorLimit) =>
        StartAsync(basePath, ["--chain", chainSpecFile], descriptorLimit);

    private static async Task<NodeProcess> StartAsync(string basePath, string[] chainArguments, int? descriptorLimit = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var node = Launch(basePath, chainArguments, descriptorLimit);
            try
            {
                await node.WaitUntilHealthyAsync();
                return node;
            }
            catch (NodeStartException) when (attempt < StartAttemptCountMax && node.Log.Contains("address already in use"))
            {
                await node.DisposeAsync();
            }
            catch
            {
                await node.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Sends SIGTERM and waits for the exit; returns the exit code. Kills and throws if it hangs.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            await PosixSignals.TerminateAsync(_process.Id);
        }

        await WaitForExitAsync("SIGTERM");
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process dies at once, mid-write if it was writing.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await WaitForExitAsync("SIGKILL");
    }

    /// <summary>Kills the node if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (TimeoutException)
        {
            // Nothing more can be done from here; the test already failed or will report the hang.
        }
        catch (InvalidOperationException)
        {
            // The process object no longer refers to a running process.
        }

        _process.Dispose();
    }

    private static NodeProcess Launch(string basePath, string[] chainArguments, int? descriptorLimit)
    {
        var rpcPort = FreePort.Next();
        var metricsPort = FreePort.Next();
        string[] arguments =
        [
            "node", .. chainArguments, "--base-path", basePath,
            "--rpc-port", rpcPort.ToString(CultureInfo.InvariantCulture),
            "--metrics-port", metricsPort.ToString(CultureInfo.InvariantCulture),
        ];
        var home = Path.Combine(basePath, "home");
        var start = descriptorLimit is { } limit ? AgoraBinary.StartInfo(arguments, home, limit) : AgoraBinary.StartInfo(arguments, home);
        var process = new Process { StartInfo = start };
        var node = new NodeProcess(process, basePath, rpcPort, metricsPort);
        process.ErrorDataReceived += (_, e) => node.Log.Append(e.Data);
        process.OutputDataReceived += (_, e) => node.Log.Append(e.Data);
        if (!process.Start())
        {
            process.Dispose();
            throw new InvalidOperationException($"could not start `dotnet {AgoraBinary.DllPath} node`");
        }

        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        process.StandardInput.Close();
        return node;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var chain = new ChainClient(new RpcClient(http, RpcUrl, new RpcClientOptions { CallTimeout = TimeSpan.FromSeconds(5) }));
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < StartTimeMax)
        {
            if (_process.HasExited)
            {
                throw new NodeStartException($"the node exited with code {_process.ExitCode} before answering system_health on {RpcUrl}. Its log:{Environment.NewLine}{Log}");
            }

            try
            {
                await chain.GetHealthAsync();
                return;
            }
            catch (RpcClientException)
            {
                await Task.Delay(HealthPollInterval);
            }
        }

        throw new NodeStartException($"the node did not answer system_health on {RpcUrl} within {StartTimeMax.TotalSeconds} s. Its log:{Environment.NewLine}{Log}");
    }

    private async Task WaitForExitAsync(string signal)
    {
        using var timeout = new CancellationTokenSource(StopTimeMax);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException e)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the node did not exit within {StopTimeMax.TotalSeconds} s of {signal}. Its log:{Environment.NewLine}{Log}", e);
        }
    }
}
