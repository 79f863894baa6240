using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Governance;
using Agora.Protocol.Subnets;
using Agora.Protocol.Transactions;

namespace Agora.Runtime.Tests.Economy;

public sealed class CallSizeLimitTests
{
    [Fact]
    public void Proposals_past_the_name_description_or_override_limits_do_not_decode()
    {
        using var signer = TestChain.Key(1);
        var owner = signer.Account;
        ProposeSubnetCall[] oversized =
        [
            new(new string('n', GovernanceLimits.NameBytesMax + 1), "", owner, []),
            new("ok", new string('d', GovernanceLimits.DescriptionBytesMax + 1), owner, []),
            new("ok", "", owner, Enumerable.Range(0, GovernanceLimits.OverrideCountMax + 1).Select(i => new HyperparameterOverride(HyperparameterId.Tempo, 100)).ToArray()),
        ];

        foreach (var call in oversized)
        {
            var transaction = SignedTransaction.Sign(new TransactionBody(owner, 0, new Era(0, 64), Rao.Zero, call), signer, TestChain.Genesis);
            var error = Assert.Throws<CodecException>(() => SignedTransaction.Decode(transaction.Encoded, 16 * 1024));
            Assert.Contains("propose_subnet.", error.Message, StringComparison.Ordinal);
        }
    }
}
