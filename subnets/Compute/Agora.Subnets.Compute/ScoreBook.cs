namespace Agora.Subnets.Compute;

/// <summary>
/// A validator's moving average of each uid's scores, turned into <c>set_weights</c> weights. Each new score s moves
/// the uid's average by α: avg ← avg + α · (s − avg), from 0 for a uid never scored, so a miner's weight reflects many
/// queries and one lucky or unlucky answer moves it little. (The subnet framework will own this bookkeeping; the
/// subnet's own parts are <see cref="ResponseJudge"/> and <see cref="ComputeScorer"/>.)
/// </summary>
public sealed class ScoreBook
{
    /// <summary>Uids a subnet can hold at most (the chain's weight-list bound).</summary>
    public const int UidCountMax = 4096;

    private readonly double _alpha;
    private readonly double[] _averages = new double[UidCountMax];

    /// <summary>A book whose averages move by <paramref name="alpha"/> per score.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Alpha is not in (0, 1].</exception>
    public ScoreBook(double alpha = 0.1)
    {
        if (!(alpha > 0 && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha is a fraction in (0, 1].");
        }

        _alpha = alpha;
    }

    /// <summary>The moving average of <paramref name="uid"/>'s scores (0 if never scored).</summary>
    public double Average(ushort uid) => _averages[CheckUid(uid)];

    /// <summary>Moves <paramref name="uid"/>'s average toward <paramref name="score"/> (in [0, 1]).</summary>
    public void Record(ushort uid, double score)
    {
        if (!(score >= 0 && score <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "A score is in [0, 1].");
        }

        _averages[CheckUid(uid)] += _alpha * (score - _averages[uid]);
    }

    /// <summary>Starts <paramref name="uid"/> over from 0, for when a new hotkey takes the uid.</summary>
    public void Forget(ushort uid) => _averages[CheckUid(uid)] = 0;

    /// <summary>
    /// Weights for the uids below <paramref name="uidCount"/>, in uid order, proportional to their averages with the
    /// highest scaled to 65,535 (rounded to nearest), zero weights left out. Empty when every average is 0 (the chain
    /// refuses all-zero weights).
    /// </summary>
    public IReadOnlyList<UidWeight> Weights(int uidCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(uidCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(uidCount, UidCountMax);
        var averages = _averages.AsSpan(0, uidCount);
        var highest = averages.IsEmpty ? 0 : Highest(averages);
        var weights = new List<UidWeight>();
        if (highest <= 0)
        {
            return weights;
        }

        for (var uid = 0; uid < averages.Length; uid++)
        {
            var weight = (ushort)Math.Round(averages[uid] / highest * ushort.MaxValue, MidpointRounding.AwayFromZero);
            if (weight > 0)
            {
                weights.Add(new UidWeight((ushort)uid, weight));
            }
        }

        return weights;
    }

    private static double Highest(ReadOnlySpan<double> values)
    {
        var max = values[0];
        foreach (var value in values)
        {
            max = Math.Max(max, value);
        }

        return max;
    }

    private static int CheckUid(ushort uid)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(uid, UidCountMax);
        return uid;
    }
}
