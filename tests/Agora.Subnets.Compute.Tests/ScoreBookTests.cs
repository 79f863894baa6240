namespace Agora.Subnets.Compute.Tests;

public sealed class ScoreBookTests
{
    [Fact]
    public void Each_score_moves_the_average_by_alpha()
    {
        var book = new ScoreBook(alpha: 0.5);

        book.Record(3, 1);
        Assert.Equal(0.5, book.Average(3));
        book.Record(3, 1);
        Assert.Equal(0.75, book.Average(3));
        book.Record(3, 0);
        Assert.Equal(0.375, book.Average(3));
        Assert.Equal(0, book.Average(2));
    }

    [Fact]
    public void Weights_scale_the_highest_average_to_65535_and_leave_zeros_out()
    {
        var book = new ScoreBook(alpha: 1);
        book.Record(0, 0.5);
        book.Record(2, 1);
        book.Record(3, 0);

        var weights = book.Weights(uidCount: 4);

        Assert.Equal([new UidWeight(0, 32_768), new UidWeight(2, 65_535)], weights);
    }

    [Fact]
    public void All_zero_averages_give_no_weights()
    {
        var book = new ScoreBook();
        book.Record(1, 0);

        Assert.Empty(book.Weights(uidCount: 8));
        Assert.Empty(book.Weights(uidCount: 0));
    }

    [Fact]
    public void A_forgotten_uid_starts_over_from_zero()
    {
        var book = new ScoreBook(alpha: 1);
        book.Record(1, 1);

        book.Forget(1);

        Assert.Equal(0, book.Average(1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void An_alpha_outside_zero_to_one_is_refused(double alpha)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreBook(alpha));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void A_score_outside_zero_to_one_is_refused(double score)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreBook().Record(0, score));
    }

    [Fact]
    public void A_uid_beyond_the_largest_subnet_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreBook().Record(ScoreBook.UidCountMax, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreBook().Weights(ScoreBook.UidCountMax + 1));
    }
}
