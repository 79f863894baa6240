using Microsoft.Extensions.Hosting;

namespace Agora.Sdk.Axon;

/// <summary>No console lifetime: the axon is embedded in a miner process that owns Ctrl-C and shutdown.</summary>
internal sealed class AxonLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
