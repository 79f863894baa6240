using System.Collections.Immutable;
using Agora.Core.Primitives;

namespace Agora.Sdk.Subnets;

/// <summary>
/// A validator's exponential moving average of each uid's scores: <c>s ← α·score + (1 − α)·s</c>. A uid's average
/// starts from 0 and is reset when another hotkey takes the uid (<see cref="Align"/>). Not thread-safe: the
/// validator's loop owns it.
/// </summary>
public sealed class MovingAverageScores
{
    private readonly double _alpha;
    private double[] _scores = [];
    private AccountId[] _hotkeys = [];

    /// <summary>Averages with weight <paramref name="alpha"/> (0 &lt; α ≤ 1) on each new score.</summary>
    public MovingAverageScores(double alpha)
    {
        if (!(alpha > 0 && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "the moving-average weight must be in (0, 1]");
        }

        _alpha = alpha;
    }

    /// <summary>The average of each uid, 0 … n − 1 of the last <see cref="Align"/>.</summary>
    public ImmutableArray<double> Scores => [.. _scores];

    /// <summary>
    /// Follows the metagraph's uids: grows or shrinks to <paramref name="hotkeys"/>' length and resets every uid whose
    /// hotkey differs from the one it was scored under. Returns the uids reset.
    /// </summary>
    public IReadOnlyList<ushort> Align(IReadOnlyList<AccountId> hotkeys)
    {
        ArgumentNullException.ThrowIfNull(hotkeys);
        var reset = new List<ushort>();
        var scores = new double[hotkeys.Count];
        for (var uid = 0; uid < hotkeys.Count; uid++)
        {
            if (uid < _hotkeys.Length && _hotkeys[uid] == hotkeys[uid])
            {
                scores[uid] = _scores[uid];
            }
            else if (uid < _hotkeys.Length)
            {
                reset.Add((ushort)uid);
            }
        }

        _scores = scores;
        _hotkeys = [.. hotkeys];
        return reset;
    }

    /// <summary>
    /// Folds <paramref name="update"/> into its uid's average; false (and nothing changes) when the uid is unknown or
    /// now held by another hotkey. Scores outside [0, 1] are clamped; NaN counts as 0.
    /// </summary>
    public bool Apply(ScoreUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Uid >= _hotkeys.Length || _hotkeys[update.Uid] != update.Hotkey)
        {
            return false;
        }

        var score = double.IsNaN(update.Score) ? 0 : Math.Clamp(update.Score, 0, 1);
        _scores[update.Uid] = (_alpha * score) + ((1 - _alpha) * _scores[update.Uid]);
        return true;
    }
}
