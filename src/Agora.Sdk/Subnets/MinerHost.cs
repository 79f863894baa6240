using System.Net;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Protocol.Neurons;
using Agora.Sdk.Axon;
using Agora.Sdk.Client;
using Agora.Sdk.Metagraph;
using Agora.Sdk.Synapses;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Agora.Sdk.Subnets;

/// <summary>
/// Runs a subnet miner: serves <see cref="ISubnetMiner{TRequest, TResponse}.ForwardAsync"/> on an axon under the
/// miner's hotkey, admits exactly the subnet's registered hotkeys (weighted by stake) by re-reading the metagraph
/// every <see cref="MinerHostOptions.SyncInterval"/>, and announces the axon with <c>serve_axon</c> when the chain's
/// entry differs.
/// </summary>
/// <typeparam name="TRequest">The synapse's request record.</typeparam>
/// <typeparam name="TResponse">The synapse's response record.</typeparam>
public sealed class MinerHost<TRequest, TResponse> : IHostedService, IAsyncDisposable
{
    /// <summary>Blocks to wait for an announced axon to show before announcing it again.</summary>
    private const ulong ServeRetryBlocks = 10;

    private readonly Synapse<TRequest, TResponse> _synapse;
    private readonly ISubnetMiner<TRequest, TResponse> _miner;
    private readonly MinerHostOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SubnetMetagraph _metagraph;
    private readonly HotkeyTransactions _transactions;
    private readonly CancellationTokenSource _stopping = new();
#pragma warning disable IDISP002 // disposed in DisposeAsync (the analyzer looks for a Dispose method)
    private KeyPair? _hotkey;
#pragma warning restore IDISP002
    private AxonServer? _axon;
    private Task _loop = Task.CompletedTask;
    private ulong? _servedAtBlock;

    /// <summary>A miner host reading the chain through <paramref name="rpc"/>; <paramref name="time"/> paces its syncs.</summary>
    public MinerHost(
        Synapse<TRequest, TResponse> synapse,
        ISubnetMiner<TRequest, TResponse> miner,
        MinerHostOptions options,
        IRpcCaller rpc,
        ILoggerFactory loggerFactory,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(synapse);
        ArgumentNullException.ThrowIfNull(miner);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _synapse = synapse;
        _miner = miner;
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<MinerHost<TRequest, TResponse>>();
        _time = time ?? TimeProvider.System;
        _metagraph = new SubnetMetagraph(new ChainClient(rpc), options.Netuid);
        _transactions = new HotkeyTransactions(rpc, _time, _logger);
    }

    /// <summary>Who may call the axon: the subnet's hotkeys and stakes at the last sync.</summary>
    public AxonCallerDirectory Callers { get; } = new();

    /// <summary>The miner's hotkey, known after <see cref="StartAsync"/>.</summary>
    public AccountId Hotkey => (_hotkey ?? throw NotStarted()).Account;

    /// <summary>The axon's HTTP/2 port, known after <see cref="StartAsync"/>.</summary>
    public int AxonPort => (_axon ?? throw NotStarted()).Port;

    /// <summary>The metagraph of the last sync; null before the first.</summary>
    public MetagraphSnapshot? Metagraph => _metagraph.Current;

    /// <summary>Loads the hotkey, starts the axon, syncs once (announcing the axon if needed), then syncs on a timer.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_axon is not null)
        {
            throw new InvalidOperationException("the miner host is already started");
        }

#pragma warning disable IDISP003 // null here: StartAsync runs once (checked above)
        _hotkey = HotkeySource.Load(_options);
#pragma warning restore IDISP003
        var axonOptions = new AxonOptions { ListenAddress = _options.AxonListenAddress, Port = _options.AxonPort };
        var axon = new AxonServer(_hotkey.Account, Callers, axonOptions, loggerFactory: _loggerFactory);
        axon.Serve(_synapse, _miner.ForwardAsync);
        await axon.StartAsync(cancellationToken);
        _axon = axon;
        _logger.MinerStarted(_hotkey.Account, _options.Netuid, _synapse.Name, axon.Url);
        await TrySyncAsync(cancellationToken);
        _loop = SyncLoopAsync(_stopping.Token);
    }

    /// <summary>
    /// Re-reads the metagraph, refills <see cref="Callers"/>, and submits <c>serve_axon</c> when the hotkey is registered
    /// and its axon on chain is not this one.
    /// </summary>
    public async Task SyncAsync(CancellationToken cancellationToken = default)
    {
        var hotkey = _hotkey ?? throw NotStarted();
        await _metagraph.SyncAsync(cancellationToken: cancellationToken);
        var snapshot = _metagraph.Current!;
        Callers.Replace(Enumerable.Range(0, snapshot.Count).Select(uid => KeyValuePair.Create(snapshot.Hotkeys[uid], snapshot.Stake[uid])));
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.Synced(snapshot.Netuid, snapshot.Block, snapshot.Count, snapshot.ServingAxons().Length);
        }

        if (snapshot.UidOf(hotkey.Account) is not { } uid)
        {
            _logger.NotRegistered(hotkey.Account, _options.Netuid);
            return;
        }

        if (_options.ServeAxon && !IsAnnounced(snapshot.Axons[uid]) && (_servedAtBlock is not { } served || snapshot.Block >= served + ServeRetryBlocks))
        {
            await AnnounceAsync(hotkey, snapshot.Block, cancellationToken);
        }
    }

    /// <summary>Stops syncing and stops the axon (requests in flight are cancelled).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
#pragma warning disable VSTHRD003 // the loop was started by this host's StartAsync
        await _loop;
#pragma warning restore VSTHRD003
        if (_axon is { } axon)
        {
            await axon.StopAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        if (_axon is { } axon)
        {
            await axon.DisposeAsync();
        }

        _hotkey?.Dispose();
        _stopping.Dispose();
    }

    private bool IsAnnounced(AxonEndpoint? onChain) =>
        onChain is not null && onChain.Port == AxonPort && IPAddress.TryParse(onChain.Ip, out var ip) && ip.Equals(IPAddress.Parse(_options.AxonIp));

    private async Task AnnounceAsync(KeyPair hotkey, ulong block, CancellationToken cancellationToken)
    {
        if (await _transactions.IsBusyAsync(hotkey, cancellationToken))
        {
            return;
        }

        var ip = IPAddress.Parse(_options.AxonIp).GetAddressBytes();
        var call = new ServeAxonCall(_options.Netuid, ip, checked((ushort)AxonPort), 0, 0);
        if (await _transactions.SubmitAsync(hotkey, call, "serve_axon", cancellationToken) is { } hash)
        {
            _servedAtBlock = block;
            _logger.ServingAxon(_options.AxonIp, AxonPort, _options.Netuid, hash);
        }
    }

    private async Task SyncLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.SyncInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await TrySyncAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task TrySyncAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SyncAsync(cancellationToken);
        }
        catch (RpcClientException e)
        {
            // The node is down or refused a read: expected while it restarts; the next sync retries.
            _logger.SyncFailed(e.Message);
        }
    }

    private static InvalidOperationException NotStarted() => new("the miner host is not started; call StartAsync first");
}
