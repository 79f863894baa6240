using System.Globalization;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Sdk.Client;
using Agora.Sdk.Dendrite;
using Agora.Sdk.Metagraph;
using Agora.Sdk.Synapses;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Agora.Sdk.Subnets;

/// <summary>
/// Runs a subnet validator: every <see cref="ValidatorHostOptions.QueryInterval"/> it re-syncs the metagraph, queries
/// every serving miner through a dendrite with the validator's query, folds the scores into moving averages per uid
/// (reset when a uid changes hands), and on the subnet's schedule turns them into weights: <c>set_weights</c>, or
/// <c>commit_weights</c> then <c>reveal_weights</c> in the commit's window when the subnet has commit-reveal on.
/// </summary>
/// <typeparam name="TRequest">The synapse's request record.</typeparam>
/// <typeparam name="TResponse">The synapse's response record.</typeparam>
public sealed partial class ValidatorHost<TRequest, TResponse> : IHostedService, IAsyncDisposable
{
    private readonly Synapse<TRequest, TResponse> _synapse;
    private readonly ISubnetValidator<TRequest, TResponse> _validator;
    private readonly ValidatorHostOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ChainClient _chain;
    private readonly SubnetMetagraph _metagraph;
    private readonly HotkeyTransactions _transactions;
    private readonly MovingAverageScores _scores;
    private readonly SemaphoreSlim _oneRound = new(1);
    private readonly CancellationTokenSource _stopping = new();
#pragma warning disable IDISP002 // disposed in DisposeAsync (the analyzer looks for a Dispose method)
    private KeyPair? _hotkey;
#pragma warning restore IDISP002
#pragma warning disable IDISP002 // disposed in DisposeAsync (the analyzer looks for a Dispose method)
    private DendriteClient? _dendrite;
#pragma warning restore IDISP002
    private Task _loop = Task.CompletedTask;
    private long _round;

    /// <summary>A validator host reading and writing the chain through <paramref name="rpc"/>; <paramref name="time"/> paces its rounds.</summary>
    public ValidatorHost(
        Synapse<TRequest, TResponse> synapse,
        ISubnetValidator<TRequest, TResponse> validator,
        ValidatorHostOptions options,
        IRpcCaller rpc,
        ILoggerFactory loggerFactory,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(synapse);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _synapse = synapse;
        _validator = validator;
        _options = options;
        _logger = loggerFactory.CreateLogger<ValidatorHost<TRequest, TResponse>>();
        _time = time ?? TimeProvider.System;
        _chain = new ChainClient(rpc);
        _metagraph = new SubnetMetagraph(_chain, options.Netuid);
        _transactions = new HotkeyTransactions(rpc, _time, _logger);
        _scores = new MovingAverageScores(options.MovingAverageAlpha);
    }

    /// <summary>The validator's hotkey, known after <see cref="StartAsync"/>.</summary>
    public AccountId Hotkey => (_hotkey ?? throw NotStarted()).Account;

    /// <summary>The moving-average score of each uid.</summary>
    public IReadOnlyList<double> Scores => _scores.Scores;

    /// <summary>Loads the hotkey and starts the query loop (the first round runs one interval after the start).</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_hotkey is not null)
        {
            throw new InvalidOperationException("the validator host is already started");
        }

#pragma warning disable IDISP003 // null here: StartAsync runs once (checked above)
        _hotkey = HotkeySource.Load(_options);
#pragma warning restore IDISP003
#pragma warning disable IDISP003 // null here: StartAsync runs once (checked above)
        _dendrite = new DendriteClient(_hotkey, new DendriteOptions { Timeout = _options.QueryTimeout });
#pragma warning restore IDISP003
        _logger.ValidatorStarted(_hotkey.Account, "?", _options.Netuid, _synapse.Name, _options.QueryInterval);
        _loop = QueryLoopAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>
    /// One round: sync, query the serving miners (not itself), score, and submit weights when due. Rounds never overlap;
    /// the loop calls this on its timer, tests may call it directly.
    /// </summary>
    public async Task<ValidatorRoundReport?> RunRoundAsync(CancellationToken cancellationToken = default)
    {
        var hotkey = _hotkey ?? throw NotStarted();
        await _oneRound.WaitAsync(cancellationToken);
        try
        {
            var number = _round++;
            await _metagraph.SyncAsync(cancellationToken: cancellationToken);
            var snapshot = _metagraph.Current!;
            _scores.Align(snapshot.Hotkeys);
            if (snapshot.UidOf(hotkey.Account) is not { } self)
            {
                _logger.NotRegistered(hotkey.Account, _options.Netuid);
                return null;
            }

            var round = new ValidatorRound(number, snapshot, self);
            var targets = snapshot.ServingAxons().Where(a => a.Uid != self)
                .Select(a => new AxonTarget(a.Uid, a.Hotkey, a.Axon.Ip, a.Axon.Port)).ToArray();
            var request = _validator.CreateQuery(round);
            var results = await _dendrite!.QueryAsync(_synapse, targets, request, _options.QueryTimeout, cancellationToken);
            var scored = _validator.Score(round, request, results).Count(_scores.Apply);
            var action = await SubmitWeightsIfDueAsync(hotkey, snapshot, self, cancellationToken);
            var report = new ValidatorRoundReport(number, snapshot.Block, targets.Length, results.Count(r => r.IsSuccess), scored, _scores.Scores, action);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.RoundDone(number, snapshot.Block, report.Queried, report.Answered, scored, Render(report.Scores));
            }

            return report;
        }
        finally
        {
            _oneRound.Release();
        }
    }

    /// <summary>Stops the query loop after the round in progress.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
#pragma warning disable VSTHRD003 // the loop was started by this host's StartAsync
        await _loop;
#pragma warning restore VSTHRD003
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        if (_dendrite is { } dendrite)
        {
            dendrite.Dispose();
        }

        _hotkey?.Dispose();
        _stopping.Dispose();
        _oneRound.Dispose();
    }

    private async Task QueryLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.QueryInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await RunRoundAsync(cancellationToken);
                }
                catch (RpcClientException e)
                {
                    _logger.SyncFailed(e.Message);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _logger.RoundFailed(e, _round);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static string Render(IEnumerable<double> scores) =>
        "[" + string.Join(", ", scores.Select(s => s.ToString("0.000", CultureInfo.InvariantCulture))) + "]";

    private static InvalidOperationException NotStarted() => new("the validator host is not started; call StartAsync first");
}
