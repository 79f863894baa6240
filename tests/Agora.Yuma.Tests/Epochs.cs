using System.Collections.Immutable;
using Agora.Core.FixedPoint;
using CsCheck;

namespace Agora.Yuma.Tests;

/// <summary>Builders and generators of epoch inputs for tests.</summary>
internal static class Epochs
{
    public static EpochInput Dense(
        ulong[] stake,
        ushort[][] weights,
        ushort[][]? bonds = null,
        bool[]? permits = null,
        ulong currentBlock = 100,
        ulong[]? lastUpdate = null,
        ulong[]? registered = null,
        ulong emission = 1_000_000_000,
        YumaParameters? parameters = null,
        ulong? lastEpochBlock = 50)
    {
        var n = stake.Length;
        var neurons = Enumerable.Range(0, n).Select(i => new NeuronState(
            stake[i],
            lastUpdate?[i] ?? currentBlock - 1,
            registered?[i] ?? 0,
            permits?[i] ?? true)).ToImmutableArray();
        return new EpochInput
        {
            CurrentBlock = currentBlock,
            LastEpochBlock = lastEpochBlock,
            Emission = emission,
            Parameters = parameters ?? YumaParameters.Default,
            Neurons = neurons,
            Weights = SparseU16Matrix.FromDense(weights),
            Bonds = SparseU16Matrix.FromDense(bonds ?? Zeros(n)),
        };
    }

    public static ushort[][] Zeros(int n) => Enumerable.Range(0, n).Select(_ => new ushort[n]).ToArray();

    public static double ToDouble(I32F32 value) => value.Bits / 4294967296.0;

    public static double Sum(IEnumerable<I32F32> values) => values.Sum(v => (double)v.Bits) / 4294967296.0;

    /// <summary>
    /// The bond model's parameters: classic half the time, else Yuma 3 with or without liquid alpha, over any α range
    /// (the reference's default one often) and any steepness (the default 1000 often, which keeps the sigmoid's series
    /// from overflowing; large ones overflow it).
    /// </summary>
    // Declared before the generators that use it: static fields initialise in order.
    public static readonly Gen<YumaParameters> BondModel =
        from yuma3 in Gen.Bool
        from liquid in Gen.Bool
        from alphas in Gen.OneOf(Gen.Const(new ushort[] { 45875, 58982 }), Gen.UShort.Array[2])
        from steepness in Gen.OneOf(Gen.Const((short)1000), Gen.Short[-3000, 3000], Gen.Short)
        from mode in Gen.Enum<LiquidAlphaConsensusMode>()
        select new YumaParameters
        {
            LiquidAlphaConsensusMode = mode,
            Yuma3Enabled = yuma3,
            LiquidAlphaEnabled = liquid,
            AlphaLow = ushort.Min(alphas[0], alphas[1]),
            AlphaHigh = ushort.Max(alphas[0], alphas[1]),
            AlphaSigmoidSteepness = steepness,
        };

    /// <summary>Random valid inputs: small n, sparse weights and bonds, any hyperparameters.</summary>
    public static readonly Gen<EpochInput> Input =
        from n in Gen.Int[1, 12]
        from density in Gen.Int[0, 100]
        from stake in Gen.OneOf(Gen.ULong[0, 1_000], Gen.ULong[0, 1_000_000_000_000_000], Gen.Const(0UL)).Array[n]
        from lastUpdate in Gen.ULong[0, 200].Array[n]
        from registered in Gen.ULong[0, 150].Array[n]
        from permits in Gen.Bool.Array[n]
        from weights in Matrix(n, density)
        from bonds in Matrix(n, density)
        from kappa in Gen.OneOf(Gen.Const((ushort)32767), Gen.UShort)
        from penalty in Gen.OneOf(Gen.Const((ushort)65535), Gen.Const((ushort)0), Gen.UShort)
        from bma in Gen.OneOf(Gen.Const(900_000UL), Gen.ULong[0, 1_000_000])
        from maxValidators in Gen.Int[0, 14]
        from cutoff in Gen.ULong[0, 200]
        from currentBlock in Gen.ULong[100, 300]
        from lastEpoch in Gen.OneOf(Gen.Const((ulong?)null), Gen.ULong[0, 200].Select(x => (ulong?)x))
        from emission in Gen.OneOf(Gen.Const(1_000_000_000UL), Gen.ULong)
        from bondModel in BondModel
        from previousConsensus in PreviousConsensus(n)
        select Dense(
            stake,
            weights,
            bonds,
            permits,
            currentBlock,
            lastUpdate,
            registered,
            emission,
            new YumaParameters
            {
                Kappa = kappa,
                BondsPenalty = penalty,
                BondsMovingAverage = bma,
                MaxAllowedValidators = (ushort)maxValidators,
                ActivityCutoff = cutoff,
                Tempo = 10,
            }.WithBondModel(bondModel),
            lastEpoch) with
        { PreviousConsensus = previousConsensus };

    /// <summary>
    /// Random valid inputs with long columns: up to 150 neurons, most of them active validators with a permit and
    /// stake, dense weights with many ties, so consensus takes its bucketed path (columns of more than 32 entries).
    /// </summary>
    public static readonly Gen<EpochInput> LargeInput =
        from n in Gen.Int[40, 150]
        from density in Gen.Int[50, 100]
        from stake in Gen.OneOf(Gen.ULong[1, 1_000], Gen.ULong[1, 1_000_000_000_000_000], Gen.Const(1_000UL)).Array[n]
        from lastUpdate in Gen.ULong[165, 200].Array[n]
        from registered in Gen.ULong[0, 160].Array[n]
        from permitRolls in Gen.Int[0, 9].Array[n]
        from weights in Matrix(n, density)
        from bonds in Matrix(n, density)
        from kappa in Gen.OneOf(Gen.Const((ushort)32767), Gen.UShort)
        from penalty in Gen.OneOf(Gen.Const((ushort)65535), Gen.UShort)
        from maxValidators in Gen.Int[n / 2, n + 2]
        from bondModel in BondModel
        from previousConsensus in PreviousConsensus(n)
        select Dense(
            stake,
            weights,
            bonds,
            permitRolls.Select(roll => roll != 0).ToArray(),
            currentBlock: 250,
            lastUpdate,
            registered,
            parameters: new YumaParameters
            {
                Kappa = kappa,
                BondsPenalty = penalty,
                MaxAllowedValidators = (ushort)maxValidators,
                ActivityCutoff = 80,
                Tempo = 10,
            }.WithBondModel(bondModel),
            lastEpochBlock: null) with
        { PreviousConsensus = previousConsensus };

    /// <summary>These parameters with the bond model's from <paramref name="model"/>.</summary>
    public static YumaParameters WithBondModel(this YumaParameters parameters, YumaParameters model) => parameters with
    {
        Yuma3Enabled = model.Yuma3Enabled,
        LiquidAlphaEnabled = model.LiquidAlphaEnabled,
        AlphaLow = model.AlphaLow,
        AlphaHigh = model.AlphaHigh,
        AlphaSigmoidSteepness = model.AlphaSigmoidSteepness,
        LiquidAlphaConsensusMode = model.LiquidAlphaConsensusMode,
    };

    /// <summary>A previous epoch's stored consensus for n neurons: none, or any u16 proportions.</summary>
    public static Gen<ImmutableArray<ushort>> PreviousConsensus(int n) =>
        Gen.OneOf(Gen.Const(ImmutableArray<ushort>.Empty), Gen.UShort.Array[n].Select(values => values.ToImmutableArray()));

    private static Gen<ushort[][]> Matrix(int n, int density) =>
        Gen.Int[0, 99].Select(Gen.OneOf(Gen.UShort, Gen.Const((ushort)65535), Gen.UShort[1, 10]), (roll, value) => roll < density ? value : (ushort)0)
            .Array[n].Array[n];
}
