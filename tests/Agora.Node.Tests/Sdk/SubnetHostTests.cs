using Agora.Node.Tests.Rpc;
using Agora.Sdk.Subnets;
using Microsoft.Extensions.Logging.Abstractions;

namespace Agora.Node.Tests.Sdk;

/// <summary>
/// A miner host per miner and a validator host against a dev node (<see cref="SubnetHostChain"/>): the miners announce
/// their axons, the validator queries them, scores them, and its weights land on chain. Blocks are produced by the
/// test, and rounds are run by the test, so every step is deterministic.
/// </summary>
public sealed class SubnetHostTests
{
    private static readonly TimeSpan Never = TimeSpan.FromHours(1);

    [Fact]
    public async Task Miners_announce_their_axons_and_the_validator_scores_them_and_sets_weights_on_chain()
    {
        await using var node = await ChainRpcNode.StartAsync(SubnetHostChain.Spec(commitReveal: false));
        await using var honest = Miner(node, SubnetHostChain.HonestUri, honest: true);
        await using var wrong = Miner(node, SubnetHostChain.WrongUri, honest: false);
        await honest.StartAsync(CancellationToken.None);
        await wrong.StartAsync(CancellationToken.None);
        node.Core.ProduceBlock();
        await SubnetHostChain.RunUntilValidatorPermitAsync(node);
        await using var validator = Validator(node);
        await validator.StartAsync(CancellationToken.None);

        var report = await validator.RunRoundAsync();
        node.Core.ProduceBlock();

        var metagraph = await node.Client.GetMetagraphAsync(SubnetHostChain.Netuid);
        Assert.Equal(honest.AxonPort, metagraph.Neurons[1].Axon!.Port);
        Assert.Equal(wrong.AxonPort, metagraph.Neurons[2].Axon!.Port);
        Assert.Equal("127.0.0.1", metagraph.Neurons[1].Axon!.Ip);
        Assert.NotNull(report);
        Assert.Equal(2, report.Queried);
        Assert.Equal(2, report.Answered);
        Assert.Equal(2, report.Scored);
        Assert.True(report.Scores[1] > 0);
        Assert.Equal(0, report.Scores[2]);
        Assert.Equal("set_weights", report.WeightsAction);
        var row = Assert.Single((await node.Client.GetWeightsAsync(SubnetHostChain.Netuid)).Rows);
        Assert.Equal((ushort)0, row.Uid);
        var entry = Assert.Single(row.Entries);
        Assert.Equal((ushort)1, entry.Uid);
    }

    [Fact]
    public async Task With_commit_reveal_on_the_validator_commits_then_reveals_in_the_commits_window()
    {
        await using var node = await ChainRpcNode.StartAsync(SubnetHostChain.Spec(commitReveal: true));
        await using var honest = Miner(node, SubnetHostChain.HonestUri, honest: true);
        await using var wrong = Miner(node, SubnetHostChain.WrongUri, honest: false);
        await honest.StartAsync(CancellationToken.None);
        await wrong.StartAsync(CancellationToken.None);
        node.Core.ProduceBlock();
        await SubnetHostChain.RunUntilValidatorPermitAsync(node);
        await using var validator = Validator(node);
        await validator.StartAsync(CancellationToken.None);

        var actions = new List<(string Action, ulong Block)>();
        for (var round = 0; round < 80 && !actions.Exists(a => a.Action == "reveal_weights"); round++)
        {
            var report = await validator.RunRoundAsync();
            if (report?.WeightsAction is { } action)
            {
                actions.Add((action, report.Block));
            }

            node.Core.ProduceBlock();
        }

        Assert.Equal(["commit_weights", "reveal_weights"], actions.Select(a => a.Action));
        Assert.True(actions[1].Block > actions[0].Block);
        Assert.Empty(await node.Client.GetCommitsAsync(SubnetHostChain.Netuid));
        var row = Assert.Single((await node.Client.GetWeightsAsync(SubnetHostChain.Netuid)).Rows);
        Assert.Equal((ushort)0, row.Uid);
        Assert.Equal((ushort)1, Assert.Single(row.Entries).Uid);
    }

    [Fact]
    public async Task A_validator_without_a_permit_queries_and_scores_but_sets_no_weights()
    {
        await using var node = await ChainRpcNode.StartAsync(SubnetHostChain.Spec(commitReveal: false));
        await using var honest = Miner(node, SubnetHostChain.HonestUri, honest: true);
        await honest.StartAsync(CancellationToken.None);
        node.Core.ProduceBlock();
        await using var validator = Validator(node);
        await validator.StartAsync(CancellationToken.None);

        var report = await validator.RunRoundAsync();

        Assert.NotNull(report);
        Assert.Equal(1, report.Answered);
        Assert.Null(report.WeightsAction);
        Assert.Empty((await node.Client.GetWeightsAsync(SubnetHostChain.Netuid)).Rows);
    }

    [Fact]
    public async Task A_miner_admits_exactly_the_subnets_hotkeys_with_their_stakes()
    {
        await using var node = await ChainRpcNode.StartAsync(SubnetHostChain.Spec(commitReveal: false));
        await using var honest = Miner(node, SubnetHostChain.HonestUri, honest: true);

        await honest.StartAsync(CancellationToken.None);

        Assert.Equal(3, honest.Callers.Count);
        Assert.True(honest.Callers.TryGetStake(SubnetHostChain.Account(SubnetHostChain.ValidatorUri), out var stake));
        Assert.Equal(Agora.Core.Primitives.Rao.FromTao(1_000), stake);
        Assert.False(honest.Callers.TryGetStake(SubnetHostChain.Account("//Stranger"), out _));
    }

    private static MinerHost<DoublingSubnet.Number, DoublingSubnet.Number> Miner(ChainRpcNode node, string uri, bool honest) =>
        new(DoublingSubnet.Double, new DoublingSubnet.Miner(honest),
            new MinerHostOptions { Netuid = SubnetHostChain.Netuid, HotkeyUri = uri, AxonListenAddress = "127.0.0.1", AxonPort = 0, SyncInterval = Never },
            node.Rpc, NullLoggerFactory.Instance);

    private static ValidatorHost<DoublingSubnet.Number, DoublingSubnet.Number> Validator(ChainRpcNode node) =>
        new(DoublingSubnet.Double, new DoublingSubnet.Validator(),
            new ValidatorHostOptions { Netuid = SubnetHostChain.Netuid, HotkeyUri = SubnetHostChain.ValidatorUri, QueryInterval = Never, WeightsIntervalBlocks = 1 },
            node.Rpc, NullLoggerFactory.Instance);
}
