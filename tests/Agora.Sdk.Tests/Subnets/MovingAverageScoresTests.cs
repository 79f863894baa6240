using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Sdk.Subnets;

namespace Agora.Sdk.Tests.Subnets;

public sealed class MovingAverageScoresTests
{
    private static readonly AccountId A = Key("//A");
    private static readonly AccountId B = Key("//B");
    private static readonly AccountId C = Key("//C");

    [Fact]
    public void Each_score_moves_the_average_by_alpha()
    {
        var scores = new MovingAverageScores(0.5);
        scores.Align([A, B]);

        Assert.True(scores.Apply(new ScoreUpdate(0, A, 1)));
        Assert.True(scores.Apply(new ScoreUpdate(0, A, 1)));
        Assert.True(scores.Apply(new ScoreUpdate(1, B, 0)));

        Assert.Equal([0.75, 0.0], scores.Scores.ToArray());
    }

    [Fact]
    public void A_uid_taken_by_another_hotkey_starts_again_from_zero()
    {
        var scores = new MovingAverageScores(1);
        scores.Align([A, B]);
        scores.Apply(new ScoreUpdate(0, A, 0.9));
        scores.Apply(new ScoreUpdate(1, B, 0.4));

        var reset = scores.Align([C, B, A]);

        Assert.Equal([(ushort)0], reset);
        Assert.Equal([0.0, 0.4, 0.0], scores.Scores.ToArray());
    }

    [Fact]
    public void A_late_score_for_a_hotkey_that_lost_its_uid_is_dropped()
    {
        var scores = new MovingAverageScores(1);
        scores.Align([C]);

        Assert.False(scores.Apply(new ScoreUpdate(0, A, 1)));
        Assert.False(scores.Apply(new ScoreUpdate(5, C, 1)));
        Assert.Equal([0.0], scores.Scores.ToArray());
    }

    [Fact]
    public void Scores_outside_zero_to_one_are_clamped()
    {
        var scores = new MovingAverageScores(1);
        scores.Align([A, B]);

        scores.Apply(new ScoreUpdate(0, A, 7));
        scores.Apply(new ScoreUpdate(1, B, -3));

        Assert.Equal([1.0, 0.0], scores.Scores.ToArray());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void An_alpha_outside_zero_to_one_is_refused(double alpha) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MovingAverageScores(alpha));

    private static AccountId Key(string uri)
    {
        using var key = KeyPair.FromUri(uri);
        return key.Account;
    }
}
