using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Blocks;
using Agora.Protocol.Events;
using Agora.Protocol.Transactions;
using CsCheck;

namespace Agora.Runtime.Tests;

public sealed class CodecFuzzTests
{
    private static readonly ChainParameters Parameters = new();

    [Fact]
    public void Random_bytes_never_crash_the_transaction_and_block_decoders()
    {
        Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            AssertDecodesOrRejectsCleanly(() => SignedTransaction.Decode(bytes, Parameters.TransactionBytesMax));
            AssertDecodesOrRejectsCleanly(() => Block.Decode(bytes, Parameters.BlockTransactionCountMax, Parameters.TransactionBytesMax));
            AssertDecodesOrRejectsCleanly(() => EventRecord.DecodeAll(bytes));
        }, iter: 5000);
    }

    [Fact]
    public void Mutated_valid_transactions_are_rejected_cleanly_or_fail_their_signature()
    {
        using var chain = new TestChain();
        var valid = chain.Transfer(chain.Keys[0], chain.Keys[1].Account, Rao.FromTao(3), tip: new Rao(11));
        Gen.Select(Gen.Int[0, valid.Encoded.Length - 1], Gen.Byte[1, 255], Gen.Int[-3, 3]).Sample(m =>
        {
            var (position, flip, resize) = m;
            var bytes = valid.Encoded.ToArray();
            bytes[position] ^= flip;
            bytes = resize >= 0 ? [.. bytes, .. new byte[resize]] : bytes[..^(-resize)];
            try
            {
                var decoded = SignedTransaction.Decode(bytes, Parameters.TransactionBytesMax);
                Assert.False(decoded.VerifySignature(TestChain.Genesis));
            }
            catch (CodecException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            }
        }, iter: 3000);
    }

    [Fact]
    public void Oversized_and_trailing_input_is_rejected_naming_the_problem()
    {
        using var chain = new TestChain();
        var valid = chain.Transfer(chain.Keys[0], chain.Keys[1].Account, Rao.FromTao(1)).Encoded;

        var trailing = Assert.Throws<CodecException>(() => SignedTransaction.Decode([.. valid, 0], Parameters.TransactionBytesMax));
        var oversized = Assert.Throws<CodecException>(() => SignedTransaction.Decode(new byte[Parameters.TransactionBytesMax + 1], Parameters.TransactionBytesMax));
        var truncated = Assert.Throws<CodecException>(() => SignedTransaction.Decode(valid.AsSpan(..^1), Parameters.TransactionBytesMax));
        var version = Assert.Throws<CodecException>(() => SignedTransaction.Decode([2, .. valid[1..]], Parameters.TransactionBytesMax));

        Assert.Contains("trailing", trailing.Message, StringComparison.Ordinal);
        Assert.Contains("exceeds the limit", oversized.Message, StringComparison.Ordinal);
        Assert.Contains("transaction.signature: truncated", truncated.Message, StringComparison.Ordinal);
        Assert.Contains("transaction.version", version.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Length_prefixes_must_be_in_shortest_form()
    {
        var exception = Assert.Throws<CodecException>(() =>
        {
            var reader = new CodecReader([0x81, 0x00]);
            reader.Length32("count", 100);
        });
        Assert.Contains("shortest form", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lengths_round_trip_through_the_codec()
    {
        Gen.Int[0, int.MaxValue].Sample(length =>
        {
            var bytes = new CodecWriter().Length32(length).ToArray();
            var reader = new CodecReader(bytes);
            Assert.Equal(length, reader.Length32("length", int.MaxValue));
            reader.End("length");
        }, iter: 2000);
    }

    private static void AssertDecodesOrRejectsCleanly(Action decode)
    {
        try
        {
            decode();
        }
        catch (CodecException)
        {
        }
        catch (ArgumentException)
        {
            // fixed-size primitives reject wrong lengths with ArgumentException; the codec never hands them one
            throw;
        }
    }
}
