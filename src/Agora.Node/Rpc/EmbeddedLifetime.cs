using Microsoft.Extensions.Hosting;

namespace Agora.Node.Rpc;

/// <summary>
/// A host lifetime that ignores process signals: the servers are embedded in a command whose own
/// cancellation (Ctrl-C, SIGTERM) stops them. The default console lifetime would swallow those signals.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
