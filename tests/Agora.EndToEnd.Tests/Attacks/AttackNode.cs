using Agora.EndToEnd.Tests.Harness;
using Agora.Node.Core;
using Agora.Testing.Attacks;

namespace Agora.EndToEnd.Tests.Attacks;

/// <summary>
/// A dev node for one attack: the dev chain with the attack suite's accounts funded at genesis, <see cref="BlockTimeMs"/>
/// blocks, run as a real process so that memory, descriptors and the listener are the ones users get.
/// </summary>
internal sealed class AttackNode : IAsyncDisposable
{
    /// <summary>Block time of attack runs: long enough to tell a late block from noise on a shared 2-core machine.</summary>
    public const ulong BlockTimeMs = 500;

    /// <summary>Filler accounts funded at genesis.</summary>
    public const int FillerCount = 32;

    private readonly TempDirectory _directory;

    private AttackNode(TempDirectory directory, NodeProcess process)
    {
        _directory = directory;
        Process = process;
        Target = new AttackTarget(process.RpcUrl, process.ProcessId);
    }

    public NodeProcess Process { get; }

    public AttackTarget Target { get; }

    /// <summary>Starts the node; <paramref name="descriptorLimit"/> lowers its open-file limit.</summary>
    public static async Task<AttackNode> StartAsync(int? descriptorLimit = null)
    {
        var directory = new TempDirectory();
        try
        {
            var specFile = directory.Combine("spec.json");
            await File.WriteAllTextAsync(specFile, ChainSpecJson.Write(AttackAccounts.Fund(DevChainSpec.Create(BlockTimeMs), FillerCount)));
            var basePath = directory.Combine("node");
            var process = descriptorLimit is { } limit
                ? await NodeProcess.StartWithChainSpecAsync(basePath, specFile, limit)
                : await NodeProcess.StartWithChainSpecAsync(basePath, specFile);
            return new AttackNode(directory, process);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="attack"/> for <paramref name="duration"/> while observing, then observes
    /// <paramref name="after"/> more with the attack stopped.
    /// </summary>
    public async Task<(AttackReport Report, NodeObservation During, NodeObservation After)> RunAsync(Attack attack, TimeSpan duration, TimeSpan after)
    {
        using var stop = new CancellationTokenSource(duration);
        var attacking = Task.Run(() => attack.RunAsync(Target, stop.Token));
        var observer = new NodeObserver(Target);
        var during = await observer.ObserveAsync(duration, CancellationToken.None);
        var report = await attacking;
        var afterwards = await observer.ObserveAsync(after, CancellationToken.None);
        return (report, during, afterwards);
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        _directory.Dispose();
    }
}
