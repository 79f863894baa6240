using System.Collections.Immutable;
using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Transactions;
using Agora.Protocol.Weights;
using Agora.Runtime.Modules.Weights;

namespace Agora.Runtime.Tests.Weights;

public sealed class WeightsCallCodecTests
{
    [Fact]
    public void Weight_lists_past_4096_entries_and_salts_past_64_bytes_do_not_decode()
    {
        using var signer = TestChain.Key(1);
        var tooMany = Enumerable.Range(0, SparseU16Row.EntriesMax + 1).Select(i => (ushort)i).ToImmutableArray();
        (Call Call, string Field)[] oversized =
        [
            (new SetWeightsCall(1, tooMany, tooMany, 0), "set_weights.uids"),
            (new RevealWeightsCall(1, [1], [1], new byte[WeightsCommitment.SaltBytesMax + 1], 0), "reveal_weights.salt"),
        ];

        foreach (var (call, field) in oversized)
        {
            var transaction = SignedTransaction.Sign(new TransactionBody(signer.Account, 0, new Era(0, 64), Rao.Zero, call), signer, TestChain.Genesis);
            var error = Assert.Throws<CodecException>(() => SignedTransaction.Decode(transaction.Encoded, 64 * 1024));
            Assert.Contains(field, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Weights_calls_render_their_lists_as_the_cli_takes_them()
    {
        var call = new SetWeightsCall(1, [3, 1], [10, 20], 7);

        Assert.Equal([("netuid", (object?)(ushort)1), ("uids", "3,1"), ("weights", "10,20"), ("version_key", 7UL)], call.Arguments().Select(a => (a.Name, a.Value)));
    }
}
