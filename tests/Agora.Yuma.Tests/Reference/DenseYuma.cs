using Agora.Core.FixedPoint;

namespace Agora.Yuma.Tests.Reference;

/// <summary>
/// A straightforward dense n×n implementation of spec/yuma.md, written step by step as the reference chain's dense
/// epoch does it (literal quickselect for consensus). Kept only for tests: the sparse engine must agree with it bit
/// for bit.
/// </summary>
internal static class DenseYuma
{
    public sealed record Result(
        I32F32[] Rank,
        I32F32[] Trust,
        I32F32[] Consensus,
        I32F32[] Incentive,
        I32F32[] Dividends,
        I32F32[] ValidatorTrust,
        ulong[] MinerEmission,
        ulong[] ValidatorEmission,
        ulong[] Emission,
        ulong Dust,
        bool[] ValidatorPermit,
        ushort[][] Bonds);

    public static Result Run(EpochInput input)
    {
        var p = input.Parameters;
        var neurons = input.Neurons;
        var n = neurons.Length;
        var inactive = new bool[n];
        var recent = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var nr = neurons[i];
            inactive[i] = (UInt128)nr.LastUpdate + p.ActivityCutoff < input.CurrentBlock;
            var last = input.LastEpochBlock is { } l ? (Int128)l : (Int128)input.CurrentBlock - p.Tempo - 1;
            recent[i] = nr.BlockAtRegistration > last;
        }

        // Stake in 64.64 via a literal I64F64 normalisation (Int128 bits), then truncated.
        var s = new I32F32[n];
        UInt128 total = 0;
        foreach (var nr in neurons)
        {
            total += nr.Stake;
        }

        for (var i = 0; i < n; i++)
        {
            var q64 = total == 0 ? 0 : ((UInt128)neurons[i].Stake << 64) / total;
            s[i] = new I32F32((long)(q64 >> 32));
        }

        // Permits: stable ascending sort of uids by s, drop n - k.
        var k = p.MaxAllowedValidators;
        var permits = s.Select(x => !x.IsZero).ToArray();
        if (n >= k)
        {
            var order = Enumerable.Range(0, n).OrderBy(i => s[i].Bits).ToArray(); // LINQ OrderBy is stable
            foreach (var i in order.Take(n - k))
            {
                permits[i] = false;
            }
        }

        var active = new I32F32[n];
        for (var i = 0; i < n; i++)
        {
            active[i] = inactive[i] || !neurons[i].ValidatorPermit ? I32F32.Zero : s[i];
        }

        Normalize(active);

        var w = new I32F32[n][];
        for (var i = 0; i < n; i++)
        {
            w[i] = new I32F32[n];
            for (var j = 0; j < n; j++)
            {
                var value = I32F32.FromInt((long)input.Weights[i, j]);
                var masked = !neurons[i].ValidatorPermit || i == j || neurons[i].LastUpdate <= neurons[j].BlockAtRegistration;
                w[i][j] = masked ? I32F32.Zero : value;
            }

            var sum = Sum(w[i]);
            if (sum > I32F32.Zero)
            {
                for (var j = 0; j < n; j++)
                {
                    w[i][j] /= sum;
                }
            }
        }

        var preranks = MatMul(w, active);
        var kappa = I32F32.FromInt((long)p.Kappa) / I32F32.FromInt(65535L);
        var consensus = WeightedMedianColumns(active, w, kappa);
        var wc = w.Select(row => row.Select((x, j) => I32F32.Min(x, consensus[j])).ToArray()).ToArray();
        var vtrust = wc.Select(Sum).ToArray();
        var ranks = MatMul(wc, active);
        var trust = ranks.Select((r, j) => r / preranks[j]).ToArray();
        var incentive = (I32F32[])ranks.Clone();
        Normalize(incentive);

        var beta = I32F32.FromInt((long)p.BondsPenalty) / I32F32.FromInt(65535L);
        var wb = beta.IsZero ? w : beta == I32F32.One ? wc
            : w.Select((row, i) => row.Select((x, j) => x + (beta * (wc[i][j] - x))).ToArray()).ToArray();
        var bma64 = ((UInt128)p.BondsMovingAverage << 64) / 1_000_000;
        var alpha = I32F32.One - new I32F32((long)(bma64 >> 32));
        var (dividends, newBonds) = p.Yuma3Enabled
            ? Yuma3Bonds(input, recent, active, consensus, incentive, wb, alpha)
            : ClassicBonds(input, recent, active, incentive, wb, alpha);

        var sigma = I32F32.Zero;
        for (var i = 0; i < n; i++)
        {
            sigma += incentive[i] + dividends[i];
        }

        var minerShare = incentive.Select(x => x / sigma).ToArray();
        var validatorShare = dividends.Select(x => x / sigma).ToArray();
        if (sigma.IsZero)
        {
            validatorShare = Sum(active).IsZero ? s : active;
        }

        var miner = minerShare.Select(x => x.MultiplyFloor(input.Emission)).ToArray();
        var validator = validatorShare.Select(x => x.MultiplyFloor(input.Emission)).ToArray();
        var emission = miner.Zip(validator, (a, c) => a + c).ToArray();
        var dust = input.Emission - emission.Aggregate(0UL, (acc, v) => acc + v);

        // Storage: the new rows of neurons with a new permit, empty rows for lost permits, the rest unchanged.
        var stored = new ushort[n][];
        var inputBonds = input.Bonds.ToDense();
        for (var i = 0; i < n; i++)
        {
            stored[i] = permits[i] ? newBonds[i] : neurons[i].ValidatorPermit ? new ushort[n] : inputBonds[i];
        }

        return new Result(incentive, trust, consensus, incentive, dividends, vtrust, miner, validator, emission, dust, permits, stored);
    }

    /// <summary>Classic bonds (spec/yuma.md step 10): dividends and every row's column max-upscaled u16 bonds.</summary>
    private static (I32F32[] Dividends, ushort[][] Stored) ClassicBonds(EpochInput input, bool[] recent, I32F32[] active, I32F32[] incentive, I32F32[][] wb, I32F32 alpha)
    {
        var n = active.Length;
        var b = new I32F32[n][];
        for (var i = 0; i < n; i++)
        {
            b[i] = new I32F32[n];
            for (var j = 0; j < n; j++)
            {
                b[i][j] = recent[j] ? I32F32.Zero : I32F32.FromInt((long)input.Bonds[i, j]);
            }
        }

        ColumnNormalize(b);
        var delta = wb.Select((row, i) => row.Select(x => active[i] * x).ToArray()).ToArray();
        ColumnNormalize(delta);
        var oneMinusAlpha = I32F32.One - alpha;
        var ema = delta.Select((row, i) => row.Select((x, j) => (alpha * x) + (oneMinusAlpha * b[i][j])).ToArray()).ToArray();
        ColumnNormalize(ema);
        var dividends = ema.Select(row => row.Select((x, j) => incentive[j] * x).Aggregate(I32F32.Zero, (acc, v) => acc + v)).ToArray();
        Normalize(dividends);

        var colMax = new I32F32[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                colMax[j] = I32F32.Max(colMax[j], ema[i][j]);
            }
        }

        var stored = ema.Select(row => row.Select((x, j) => ((colMax[j].IsZero ? x : x / colMax[j]) * I32F32.FromInt(65535L)).ToUInt16Saturating()).ToArray()).ToArray();
        return (dividends, stored);
    }

    /// <summary>
    /// Yuma 3 bonds, as the reference's dense epoch computes them: old bonds as u16 proportions, the moving average
    /// (<c>mat_ema</c>, or <c>mat_ema_alpha</c> with each cell's liquid alpha) towards the weights for bonds, dividends
    /// from the column-normalised bonds times incentive, weighed by active stake; bonds stored as proportions.
    /// </summary>
    private static (I32F32[] Dividends, ushort[][] Stored) Yuma3Bonds(
        EpochInput input, bool[] recent, I32F32[] active, I32F32[] consensus, I32F32[] incentive, I32F32[][] wb, I32F32 alpha)
    {
        var n = active.Length;
        var p = input.Parameters;
        var u16Max = I32F32.FromInt(65535L);
        var previous = p.LiquidAlphaConsensusMode == LiquidAlphaConsensusMode.Previous
            || (p.LiquidAlphaConsensusMode == LiquidAlphaConsensusMode.Auto && p.BondsPenalty == 65535);
        var measured = previous
            ? Enumerable.Range(0, n).Select(j => j < input.PreviousConsensus.Length ? I32F32.FromInt((long)input.PreviousConsensus[j]) / u16Max : I32F32.Zero).ToArray()
            : consensus;
        var liquid = p.LiquidAlphaEnabled && measured.Any(c => !c.IsZero);
        var low = I32F32.FromInt((long)p.AlphaLow) / u16Max;
        var high = I32F32.FromInt((long)p.AlphaHigh) / u16Max;
        var steepness = I32F32.FromInt((long)p.AlphaSigmoidSteepness);
        var ema = new I32F32[n][];
        for (var i = 0; i < n; i++)
        {
            ema[i] = new I32F32[n];
            for (var j = 0; j < n; j++)
            {
                var old = recent[j] ? I32F32.Zero : I32F32.FromInt((long)input.Bonds[i, j]) / u16Max;
                if (liquid)
                {
                    var a = AlphaSigmoid(measured[j], wb[i][j], old, low, high, steepness);
                    ema[i][j] = I32F32.Min(((I32F32.One - a) * old) + I32F32.Max(a * wb[i][j], I32F32.Zero), I32F32.One);
                }
                else
                {
                    ema[i][j] = (alpha * wb[i][j]) + ((I32F32.One - alpha) * old);
                }
            }
        }

        var normalised = ema.Select(row => (I32F32[])row.Clone()).ToArray();
        ColumnNormalize(normalised);
        var dividends = new I32F32[n];
        for (var i = 0; i < n; i++)
        {
            var total = normalised[i].Select((x, j) => x * incentive[j]).Aggregate(I32F32.Zero, (acc, v) => acc + v);
            dividends[i] = total * active[i];
        }

        Normalize(dividends);
        var stored = ema.Select(row => row.Select(x => (x * u16Max).ToUInt16Saturating()).ToArray()).ToArray();
        return (dividends, stored);
    }

    /// <summary>The reference's <c>alpha_sigmoid</c>, literally.</summary>
    private static I32F32 AlphaSigmoid(I32F32 consensus, I32F32 weight, I32F32 bond, I32F32 low, I32F32 high, I32F32 steepness)
    {
        var zero = I32F32.Zero;
        var one = I32F32.One;
        var diffBuy = Clamp(weight - consensus, zero, one);
        var diffSell = Clamp(bond - weight, zero, one);
        var combined = weight >= bond ? diffBuy : diffSell;
        var half = one / I32F32.FromInt(2L);
        var sigmoid = one / (one + Exponential.ExpOrZero(steepness / I32F32.FromInt(-100L) * (combined - half)));
        return Clamp(low + (sigmoid * (high - low)), low, high);
    }

    private static I32F32 Clamp(I32F32 value, I32F32 low, I32F32 high) => I32F32.Max(I32F32.Min(value, high), low);

    /// <summary>The reference's mid-pivot quickselect, literally as spec/yuma.md step 7 describes it.</summary>
    public static I32F32[] WeightedMedianColumns(I32F32[] active, I32F32[][] w, I32F32 kappa)
    {
        var n = active.Length;
        var result = new I32F32[n];
        var rows = Enumerable.Range(0, n).Where(i => active[i] > I32F32.Zero).ToArray();
        if (rows.Length == 0)
        {
            return result;
        }

        var stake = rows.Select(i => active[i]).ToArray();
        Normalize(stake);
        var total = Sum(stake);
        var m = total - kappa;
        for (var j = 0; j < n; j++)
        {
            var score = rows.Select(i => w[i][j]).ToArray();
            result[j] = Quickselect(stake, score, Enumerable.Range(0, rows.Length).ToList(), m, I32F32.Zero, total);
        }

        return result;
    }

    private static I32F32 Quickselect(I32F32[] stake, I32F32[] score, List<int> candidates, I32F32 m, I32F32 lo, I32F32 hi)
    {
        if (candidates.Count == 0)
        {
            return I32F32.Zero;
        }

        if (candidates.Count == 1)
        {
            return score[candidates[0]];
        }

        var pivot = score[candidates[candidates.Count / 2]];
        var lower = new List<int>();
        var upper = new List<int>();
        var ls = I32F32.Zero;
        var us = I32F32.Zero;
        foreach (var c in candidates)
        {
            if (score[c] < pivot)
            {
                lower.Add(c);
                ls += stake[c];
            }
            else if (score[c] > pivot)
            {
                upper.Add(c);
                us += stake[c];
            }
        }

        if (m < lo + ls && lower.Count > 0)
        {
            return Quickselect(stake, score, lower, m, lo, lo + ls);
        }

        if (hi - us <= m && upper.Count > 0)
        {
            return Quickselect(stake, score, upper, m, hi - us, hi);
        }

        return pivot;
    }

    private static I32F32 Sum(I32F32[] values) => I32F32.Sum(values);

    private static void Normalize(I32F32[] values)
    {
        var sum = Sum(values);
        if (sum.IsZero)
        {
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] /= sum;
        }
    }

    private static I32F32[] MatMul(I32F32[][] m, I32F32[] v)
    {
        var n = v.Length;
        var result = new I32F32[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                result[j] += v[i] * m[i][j];
            }
        }

        return result;
    }

    private static void ColumnNormalize(I32F32[][] m)
    {
        var n = m.Length;
        for (var j = 0; j < n; j++)
        {
            var sum = I32F32.Zero;
            for (var i = 0; i < n; i++)
            {
                sum += m[i][j];
            }

            if (sum.IsZero)
            {
                continue;
            }

            for (var i = 0; i < n; i++)
            {
                m[i][j] /= sum;
            }
        }
    }
}
