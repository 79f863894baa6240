namespace Agora.Subnets.Compute.Tests;

public sealed class ComputeScorerTests
{
    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(ResponseVerdict.NoResponse)]
    [InlineData(ResponseVerdict.WrongTaskId)]
    [InlineData(ResponseVerdict.WrongShape)]
    [InlineData(ResponseVerdict.EntryOutOfField)]
    [InlineData(ResponseVerdict.WrongProduct)]
    public void Anything_but_a_correct_answer_scores_zero_however_fast(ResponseVerdict verdict)
    {
        Assert.Equal(0, ComputeScorer.Score(verdict, TimeSpan.Zero, _deadline));
    }

    [Fact]
    public void A_correct_answer_scores_from_one_when_instant_to_one_half_at_the_deadline()
    {
        Assert.Equal(1, ComputeScorer.Score(ResponseVerdict.Correct, TimeSpan.Zero, _deadline));
        Assert.Equal(0.75, ComputeScorer.Score(ResponseVerdict.Correct, TimeSpan.FromSeconds(5), _deadline));
        Assert.Equal(0.5, ComputeScorer.Score(ResponseVerdict.Correct, _deadline, _deadline));
    }

    [Fact]
    public void A_faster_correct_answer_scores_higher()
    {
        var previous = double.MaxValue;
        for (var ms = 0; ms <= 10_000; ms += 250)
        {
            var score = ComputeScorer.Score(ResponseVerdict.Correct, TimeSpan.FromMilliseconds(ms), _deadline);

            Assert.True(score < previous, $"{ms} ms scored {score}, not below {previous}");
            previous = score;
        }
    }

    [Fact]
    public void A_correct_answer_after_the_deadline_scores_zero()
    {
        Assert.Equal(0, ComputeScorer.Score(ResponseVerdict.Correct, _deadline + TimeSpan.FromTicks(1), _deadline));
    }

    [Fact]
    public void A_negative_latency_counts_as_instant()
    {
        Assert.Equal(1, ComputeScorer.LatencyScore(TimeSpan.FromSeconds(-1), _deadline));
    }

    [Fact]
    public void A_deadline_that_is_not_positive_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ComputeScorer.LatencyScore(TimeSpan.Zero, TimeSpan.Zero));
    }
}
