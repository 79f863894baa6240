using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Agora.Node.Core;
using Agora.Runtime.Genesis;
using Agora.Testing;

namespace Agora.Bench.Throughput;

/// <summary>
/// The node under test as a child process (<c>agora node --chain FILE</c> on a fresh temporary data directory, real
/// RocksDB and Kestrel), its RPC endpoints read from its log, and its per-block log lines collected.
/// </summary>
internal sealed partial class NodeProcess : IAsyncDisposable
{
    private const int TailLinesMax = 40;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _basePath;
    private readonly TaskCompletionSource<NodeEndpoints> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<ProducedBlock> _blocks = new();
    private readonly ConcurrentQueue<string> _tail = new();

    private NodeProcess(Process process, string basePath)
    {
        _process = process;
        _basePath = basePath;
    }

    /// <summary>The node's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Blocks the node reported producing so far.</summary>
    public IReadOnlyList<ProducedBlock> Blocks => _blocks.ToArray();

    /// <summary>CPU time the node process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Starts the built CLI's <c>agora node --chain FILE</c> (<see cref="AgoraBinary"/>) on the chain spec
    /// <paramref name="spec"/> (written to the temporary directory) with a free RPC port and metrics off;
    /// <paramref name="descriptorLimit"/> lowers its open-file limit.
    /// </summary>
    public static NodeProcess Start(ChainSpec spec, int? descriptorLimit = null)
    {
        var basePath = Path.Combine(Path.GetTempPath(), $"agora-bench-{Environment.ProcessId}-{Stopwatch.GetTimestamp()}");
        Directory.CreateDirectory(basePath);
        var specFile = Path.Combine(basePath, "chain-spec.json");
        File.WriteAllText(specFile, ChainSpecJson.Write(spec));
        string[] arguments =
        [
            "node", "--chain", specFile, "--base-path", Path.Combine(basePath, "chain-data"), "--rpc-port", "0", "--metrics-port", "0",
            "--listen", "127.0.0.1",
        ];
        var home = Path.Combine(basePath, "home");
        var start = descriptorLimit is { } limit ? AgoraBinary.StartInfo(arguments, home, limit) : AgoraBinary.StartInfo(arguments, home);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var node = new NodeProcess(process, basePath);
        process.OutputDataReceived += (_, e) => node.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => node.OnLine(e.Data);
        process.Exited += (_, _) => node._listening.TrySetException(new InvalidOperationException($"the node exited with code {process.ExitCode} before serving RPC:\n{node.Tail()}"));
        if (!process.Start())
        {
            throw new InvalidOperationException("could not start `dotnet agora.dll node --chain`");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Waits until the node logs its RPC endpoints.</summary>
    public Task<NodeEndpoints> WaitListeningAsync() => _listening.Task.WaitAsync(StartTimeout);

    /// <summary>The node's last log lines, for error messages.</summary>
    public string Tail() => string.Join('\n', _tail);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_basePath, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temporary directory is harmless
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _tail.Enqueue(line);
        while (_tail.Count > TailLinesMax)
        {
            _tail.TryDequeue(out _);
        }

        if (BlockLine().Match(line) is { Success: true } block)
        {
            _blocks.Enqueue(new ProducedBlock(
                int.Parse(block.Groups[1].ValueSpan, CultureInfo.InvariantCulture),
                double.Parse(block.Groups[2].ValueSpan, CultureInfo.InvariantCulture),
                Stopwatch.GetTimestamp()));
        }
        else if (ListeningLine().Match(line) is { Success: true } listening)
        {
            _listening.TrySetResult(new NodeEndpoints(new Uri(listening.Groups[1].Value), new Uri(listening.Groups[2].Value)));
        }
    }

    [GeneratedRegex(@"with (\d+) transactions in ([0-9.]+) ms")]
    private static partial Regex BlockLine();

    [GeneratedRegex(@"JSON-RPC on (\S+) \(WebSocket (\S+)\)")]
    private static partial Regex ListeningLine();
}
