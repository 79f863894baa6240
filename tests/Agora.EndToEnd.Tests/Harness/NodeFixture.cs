namespace Agora.EndToEnd.Tests.Harness;

/// <summary>
/// One dev node process on a fresh directory for a whole test class or collection: started before the first
/// test, killed after the last, its directory deleted.
/// </summary>
public abstract class NodeFixture : IAsyncLifetime, IDisposable
{
    private readonly ulong _blockTimeMs;
    private readonly TempDirectory _directory = new();
    private NodeProcess? _node;
    private NodeClient? _client;

    protected NodeFixture(ulong blockTimeMs) => _blockTimeMs = blockTimeMs;

    internal NodeProcess Node => _node ?? throw new InvalidOperationException("the node fixture has not started");

    internal NodeClient Client => _client ?? throw new InvalidOperationException("the node fixture has not started");

    /// <summary>AGORA_HOME for CLI processes run against this node (empty: no wallets, no config).</summary>
    internal string CliHome => _directory.Combine("cli-home");

    public async Task InitializeAsync()
    {
        _node = await NodeProcess.StartAsync(_directory.Combine("node"), _blockTimeMs);
        _client?.Dispose();
        _client = new NodeClient(_node.RpcUrl);
    }

    /// <summary>Kills the node (xunit calls this first, then <see cref="Dispose()"/>).</summary>
    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    /// <summary>Releases the client and deletes the directory.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _client?.Dispose();
            _directory.Dispose();
        }
    }
}
