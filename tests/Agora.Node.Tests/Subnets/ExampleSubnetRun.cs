using Agora.Node.Tests.Rpc;
using Agora.Node.Tests.Sdk;
using Agora.Sdk.Subnets;
using Agora.Sdk.Synapses;
using Microsoft.Extensions.Logging.Abstractions;

namespace Agora.Node.Tests.Subnets;

/// <summary>
/// An example subnet run in-process: a dev node whose subnet 1 has the validator at uid 0 and one miner host per
/// entry of the miners at uids 1, 2, …; the test runs the validator's rounds, a block after each.
/// </summary>
internal static class ExampleSubnetRun
{
    private static readonly TimeSpan Never = TimeSpan.FromHours(1);

    /// <summary>Runs <paramref name="rounds"/> rounds and returns the validator's moving-average scores by uid.</summary>
    public static async Task<IReadOnlyList<double>> RunAsync<TRequest, TResponse>(
        Synapse<TRequest, TResponse> synapse,
        ISubnetValidator<TRequest, TResponse> validator,
        IReadOnlyList<ISubnetMiner<TRequest, TResponse>> miners,
        int rounds,
        double movingAverageAlpha = 0.1)
    {
        var uris = Enumerable.Range(1, miners.Count).Select(i => $"//ExampleMiner{i}").ToArray();
        await using var node = await ChainRpcNode.StartAsync(SubnetHostChain.Spec(commitReveal: false, uris));
        var hosts = new List<MinerHost<TRequest, TResponse>>();
        try
        {
            for (var i = 0; i < miners.Count; i++)
            {
                var options = new MinerHostOptions
                {
                    Netuid = SubnetHostChain.Netuid,
                    HotkeyUri = uris[i],
                    AxonListenAddress = "127.0.0.1",
                    AxonPort = 0,
                    SyncInterval = Never,
                };
                var host = new MinerHost<TRequest, TResponse>(synapse, miners[i], options, node.Rpc, NullLoggerFactory.Instance);
                hosts.Add(host);
                await host.StartAsync(CancellationToken.None);
            }

            node.Core.ProduceBlock();
            var validatorOptions = new ValidatorHostOptions
            {
                Netuid = SubnetHostChain.Netuid,
                HotkeyUri = SubnetHostChain.ValidatorUri,
                QueryInterval = Never,
                QueryTimeout = TimeSpan.FromSeconds(30),
                MovingAverageAlpha = movingAverageAlpha,
            };
            await using var validatorHost = new ValidatorHost<TRequest, TResponse>(synapse, validator, validatorOptions, node.Rpc, NullLoggerFactory.Instance);
            await validatorHost.StartAsync(CancellationToken.None);
            for (var round = 0; round < rounds; round++)
            {
                var report = await validatorHost.RunRoundAsync();
                Assert.NotNull(report);
                Assert.Equal(miners.Count, report.Answered);
                node.Core.ProduceBlock();
            }

            return validatorHost.Scores;
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }
}
