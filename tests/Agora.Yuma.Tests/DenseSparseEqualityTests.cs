using Agora.Yuma.Tests.Reference;
using CsCheck;

namespace Agora.Yuma.Tests;

/// <summary>The sparse engine against a straightforward dense implementation of every step.</summary>
public sealed class DenseSparseEqualityTests
{
    [Fact]
    public void Sparse_engine_equals_dense_reference_bit_for_bit_on_random_inputs() =>
        Epochs.Input.Sample(AssertSparseEqualsDense, iter: 3000);

    [Fact]
    public void Sparse_engine_equals_dense_reference_on_subnets_with_long_columns() =>
        Epochs.LargeInput.Sample(AssertSparseEqualsDense, iter: 60);

    [Fact]
    public void Sparse_engine_equals_dense_reference_when_every_rented_array_starts_as_garbage() =>
        Epochs.Input.Sample(AssertSparseEqualsDenseWithPoisonedPool, iter: 3000);

    [Fact]
    public void Sparse_engine_equals_dense_reference_on_long_columns_when_every_rented_array_starts_as_garbage() =>
        Epochs.LargeInput.Sample(AssertSparseEqualsDenseWithPoisonedPool, iter: 60);

    /// <summary>
    /// The same check with every array the epoch rents filled with a poison pattern first, so a step that reads an
    /// entry it did not write shows. CsCheck samples on several threads and the switch is per thread, so each sample
    /// sets it (and the allocation budget tests, running alongside, stay unpoisoned).
    /// </summary>
    private static void AssertSparseEqualsDenseWithPoisonedPool(EpochInput input)
    {
        YumaArrayPool.PoisonOnRent = true;
        try
        {
            AssertSparseEqualsDense(input);
        }
        finally
        {
            YumaArrayPool.PoisonOnRent = false;
        }
    }

    private static void AssertSparseEqualsDense(EpochInput input)
    {
        // Given a random valid input; when both implementations run it
        var sparse = YumaEpoch.Run(input);
        var dense = DenseYuma.Run(input);

        // Then every output agrees exactly
        Assert.Equal(dense.Rank, sparse.Rank);
        Assert.Equal(dense.Trust, sparse.Trust);
        Assert.Equal(dense.Consensus, sparse.Consensus);
        Assert.Equal(dense.Incentive, sparse.Incentive);
        Assert.Equal(dense.Dividends, sparse.Dividends);
        Assert.Equal(dense.ValidatorTrust, sparse.ValidatorTrust);
        Assert.Equal(dense.MinerEmission, sparse.MinerEmission);
        Assert.Equal(dense.ValidatorEmission, sparse.ValidatorEmission);
        Assert.Equal(dense.Emission, sparse.Emission);
        Assert.Equal(dense.Dust, sparse.Dust);
        Assert.Equal(dense.ValidatorPermit, sparse.ValidatorPermit);
        Assert.Equal(dense.Bonds, sparse.Bonds.ToDense());
    }

    [Fact]
    public void Sparse_consensus_equals_literal_quickselect_on_random_columns()
    {
        // Dense columns with many ties and zero stakes stress the order-free median.
        var gen = from n in Gen.Int[1, 9]
                  from stake in Gen.OneOf(Gen.Long[0, 5], Gen.Long[0, 1L << 32]).Array[n]
                  from weights in Gen.OneOf(Gen.Long[0, 3], Gen.Long[0, 1L << 32]).Array[n].Array[n]
                  from kappa in Gen.Long[0, 1L << 32]
                  select (stake, weights, kappa);
        gen.Sample(t =>
        {
            var (stakeBits, weightBits, kappaBits) = t;
            var n = stakeBits.Length;
            var stake = stakeBits.Select(b => new Core.FixedPoint.I32F32(b)).ToArray();
            var dense = weightBits.Select(r => r.Select(b => new Core.FixedPoint.I32F32(b)).ToArray()).ToArray();
            var rowStart = Enumerable.Range(0, n + 1).Select(i => i * n).ToArray();
            var columns = Enumerable.Range(0, n * n).Select(k => k % n).ToArray();
            var csr = new FixedCsr(n, rowStart, columns, dense.SelectMany(r => r).ToArray());
            var kappa = new Core.FixedPoint.I32F32(kappaBits);

            Assert.Equal(
                DenseYuma.WeightedMedianColumns(stake, dense, kappa),
                Steps.ColumnPass.Run(csr, stake, Steps.ConsensusStep.Stakes(stake, kappa), Core.FixedPoint.I32F32.One).Consensus);
        }, iter: 5000);
    }
}
