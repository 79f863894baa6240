namespace Agora.Subnets.Compute.Tests;

/// <summary>
/// The subnet's parts played together as a validator would: generate tasks, query every miner, judge, score with the
/// latency the dendrite would report, average, and turn into weights.
/// </summary>
public sealed class ValidatorRoundTests
{
    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task Honest_miners_earn_weight_the_faster_more_and_wrong_stale_and_lazy_miners_earn_none()
    {
        // Given honest miners answering in 0.5 s and 2 s, and three cheaters answering at once
        (IComputeMiner Miner, TimeSpan Latency)[] miners =
        [
            (new HonestMiner(), TimeSpan.FromMilliseconds(500)),
            (new HonestMiner(), TimeSpan.FromSeconds(2)),
            (new WrongMiner(), TimeSpan.Zero),
            (new StaleMiner(), TimeSpan.Zero),
            (new LazyMiner(seed: 4), TimeSpan.Zero),
        ];
        var tasks = new MatrixTaskGenerator(seed: 2026);
        var validatorRandom = new Random(17);
        var book = new ScoreBook(alpha: 0.1);
        var verdicts = new List<ResponseVerdict>[miners.Length];

        // When the validator runs 40 queries
        for (ulong taskId = 1; taskId <= 40; taskId++)
        {
            var request = tasks.Generate(taskId, new MatrixShape(12, 20, 16));
            for (var uid = 0; uid < miners.Length; uid++)
            {
                var response = await miners[uid].Miner.ForwardAsync(request, CancellationToken.None);
                var verdict = ResponseJudge.Judge(request, response, validatorRandom);
                (verdicts[uid] ??= []).Add(verdict);
                book.Record((ushort)uid, ComputeScorer.Score(verdict, miners[uid].Latency, _deadline));
            }
        }

        // Then every cheat was caught (the stale miner's first answer was its one honest product)
        Assert.All(verdicts[0].Concat(verdicts[1]), v => Assert.Equal(ResponseVerdict.Correct, v));
        Assert.All(verdicts[2], v => Assert.Equal(ResponseVerdict.WrongProduct, v));
        Assert.Equal(ResponseVerdict.Correct, verdicts[3][0]);
        Assert.All(verdicts[3].Skip(1), v => Assert.Equal(ResponseVerdict.WrongProduct, v));
        Assert.All(verdicts[4], v => Assert.Equal(ResponseVerdict.WrongProduct, v));

        // And the weights go to the honest miners, the faster more. The stale miner's one early answer has decayed to
        // 0.1 · 0.9^39 ≈ 0.0016 against the leader's ≈ 0.92: under 0.5% of its weight, about nothing.
        var weights = book.Weights(miners.Length);
        Assert.Equal([0, 1, 3], weights.Select(w => (int)w.Uid));
        Assert.Equal(ushort.MaxValue, weights[0].Weight);
        Assert.True(weights[1].Weight < weights[0].Weight);
        Assert.InRange(weights[2].Weight, 1, ushort.MaxValue / 200);
        Assert.Equal(0, book.Average(2));
        Assert.Equal(0, book.Average(4));
    }
}
