using Agora.Core.Primitives;
using Agora.Protocol.Balances;
using Agora.Protocol.Emission;
using Agora.Runtime.State;
using CsCheck;

namespace Agora.Runtime.Tests;

public sealed class IssuancePropertyTests
{
    private static readonly Gen<(int From, int To, ulong Amount, ulong Tip, bool Replay)> TransferGen =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 4], Gen.ULong[0, 400_000_000_000], Gen.ULong[0, 1000], Gen.Int[0, 9].Select(i => i == 0));

    [Fact]
    public void Over_random_transfer_sequences_issuance_changes_by_minted_emission_minus_burned_fees()
    {
        TransferGen.Array[1, 12].Array[1, 6].Sample(blocks =>
        {
            using var chain = new TestChain(accountCount: 4);
            var recipients = chain.Keys.Select(k => k.Account).Append(TestChain.Key(99).Account).ToArray();
            var issuance = chain.Read(StateKeys.TotalIssuance);
            Assert.Equal(0, chain.InvariantGap());
            foreach (var block in blocks)
            {
                var stateBefore = chain.State.Copy();
                var nonces = chain.Keys.Select(k => chain.Account(k.Account).Nonce).ToArray();
                var transactions = block.Select(t =>
                {
                    var nonce = t.Replay && nonces[t.From] > 0 ? nonces[t.From] - 1 : nonces[t.From]++;
                    return chain.Transfer(chain.Keys[t.From], recipients[t.To], new Rao(t.Amount), nonce: nonce, tip: new Rao(t.Tip));
                }).ToArray();

                var (execution, results) = chain.Produce(transactions);

                var minted = execution.Events.Select(e => e.Event).OfType<EmissionMinted>().Sum(e => (decimal)e.Amount.Value);
                var burned = execution.Events.Select(e => e.Event).OfType<TransactionFeePaid>().Sum(e => (decimal)e.Fee.Value);
                var newIssuance = chain.Read(StateKeys.TotalIssuance);
                Assert.Equal(issuance + minted - burned, newIssuance);
                Assert.Equal(0, chain.InvariantGap());
                Assert.Equal(results.Count(r => r is null), execution.Transactions.Count);
                issuance = newIssuance;
                _ = stateBefore;
            }
        }, iter: 40);
    }

    [Fact]
    public void Rejected_transactions_leave_the_state_exactly_as_before()
    {
        TransferGen.Array[1, 8].Sample(block =>
        {
            using var chain = new TestChain(accountCount: 4);
            chain.Produce();
            var stale = block.Select(t => chain.Transfer(chain.Keys[t.From], chain.Keys[(t.From + 1) % 4].Account, new Rao(t.Amount + 1), nonce: 5 + (ulong)t.To)).ToArray();
            var emptyBlock = new Execution.BlockBuilder(chain.State, chain.NextContext()).Finish();

            var (execution, results) = chain.Produce(stale);

            Assert.All(results, r => Assert.NotNull(r));
            Assert.Equal(emptyBlock.Changes.Select(c => Convert.ToHexString(c.Key) + Convert.ToHexString(c.Value ?? [])),
                execution.Changes.Select(c => Convert.ToHexString(c.Key) + Convert.ToHexString(c.Value ?? [])));
        }, iter: 40);
    }
}
