using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>
/// Steps 10 (storage) and 11 under the Yuma 3 bond model, in one pass over the new bonds: each cell, normalised by
/// its column's sum, adds <c>B̂[i][j] · I[j]</c> to its row's total, which the row's active stake then weighs
/// (<see cref="Yuma3BondsStep.Dividend"/>); in the rows of neurons with a new permit the bond itself, a proportion,
/// is stored as a u16.
/// </summary>
internal static class Yuma3DividendsPass
{
    public static (I32F32[] Dividends, SparseU16Matrix StoredBonds) Run(
        Yuma3BondRows newBonds,
        ReadOnlySpan<I32F32> incentive,
        ReadOnlySpan<I32F32> activeStake,
        ReadOnlySpan<bool> newPermits,
        ReadOnlySpan<NeuronState> neurons,
        SparseU16Matrix inputBonds)
    {
        var bonds = newBonds.Bonds;
        var n = bonds.Size;
        var stored = new StoredBondRows(bonds, newPermits, neurons, inputBonds);
        var dividends = new I32F32[n];
        for (var i = 0; i < n; i++)
        {
            stored.RowStart[i] = stored.Count;
            var columns = bonds.RowColumns(i);
            var values = bonds.RowValues(i);

            // Normalised bonds and incentives lie in [0, 1] and Σ_j I[j] ≤ 1, so the total never saturates.
            long total = 0;
            for (var k = 0; k < columns.Length; k++)
            {
                var j = columns[k];
                total += UnitInterval.Multiply(UnitInterval.Divide(values[k], newBonds.ColumnSums[j]), incentive[j]).Bits;
            }

            dividends[i] = Yuma3BondsStep.Dividend(new I32F32(total), activeStake[i]);
            if (newPermits[i])
            {
                for (var k = 0; k < columns.Length; k++)
                {
                    var value = BondsStep.ProportionToU16(values[k]);
                    stored.Columns[stored.Count] = columns[k];
                    stored.Values[stored.Count] = value;
                    stored.Count += value == 0 ? 0 : 1;
                }
            }
            else if (!neurons[i].ValidatorPermit)
            {
                stored.KeepInputRow(inputBonds, i);
            }
        }

        VectorMath.NormalizeInPlace(dividends);
        return (dividends, stored.Build());
    }
}
