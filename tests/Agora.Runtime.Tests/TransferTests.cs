using Agora.Core.Primitives;
using Agora.Protocol.Balances;
using Agora.Protocol.Emission;
using Agora.Protocol.Transactions;
using Agora.Runtime.Modules.Balances;
using Agora.Runtime.State;

namespace Agora.Runtime.Tests;

public sealed class TransferTests
{
    [Fact]
    public void Transfer_moves_the_amount_burns_the_fee_and_pays_the_tip_to_the_author()
    {
        using var chain = new TestChain();
        var (alice, bob) = (chain.Keys[0], chain.Keys[1].Account);
        var issuanceBefore = chain.Read(StateKeys.TotalIssuance);

        var transfer = chain.Transfer(alice, bob, Rao.ParseTao("1.5"), tip: new Rao(7));
        var (execution, results) = chain.Produce(transfer);

        Assert.Null(results[0]);
        var fee = Fees.Compute(transfer, chain.Parameters);
        Assert.Equal((TestChain.StartBalance - Rao.ParseTao("1.5") - fee - new Rao(7)).Value, chain.Account(alice.Account).Free.Value);
        Assert.Equal((TestChain.StartBalance + Rao.ParseTao("1.5")).Value, chain.Account(bob).Free.Value);
        Assert.Equal(7UL, chain.Account(chain.Author.Account).Free.Value);
        Assert.Equal(1UL, chain.Account(alice.Account).Nonce);
        Assert.DoesNotContain(execution.Events, e => e.Event is EmissionMinted); // no subnet has stake, so nothing is minted
        Assert.Equal(issuanceBefore - fee.Value, chain.Read(StateKeys.TotalIssuance));
        Assert.Contains(execution.Events, e => e.TransactionIndex == 0 && e.Event is Transferred t && t.To == bob);
        Assert.Equal(0, chain.InvariantGap());
    }

    [Fact]
    public void Transfer_with_stale_nonce_is_rejected_and_changes_nothing()
    {
        using var chain = new TestChain();
        var (alice, bob) = (chain.Keys[0], chain.Keys[1].Account);
        var first = chain.Transfer(alice, bob, Rao.FromTao(1));
        chain.Produce(first);
        var before = chain.State.Copy();

        var builder = new Execution.BlockBuilder(chain.State, chain.NextContext());
        var changesBeforeReplay = builder.State.Changes.Count;
        var rejection = builder.TryApply(first, signatureVerified: false);

        Assert.Equal(TxError.StaleNonce, rejection?.Error);
        Assert.Contains("next nonce is 1", rejection!.Message, StringComparison.Ordinal);
        Assert.Equal(changesBeforeReplay, builder.State.Changes.Count);
        Assert.Equal(before.Fingerprint(), chain.State.Fingerprint());
    }

    [Fact]
    public void Transaction_signed_for_another_genesis_is_rejected_as_bad_signature()
    {
        using var chain = new TestChain();
        var foreign = chain.Transfer(chain.Keys[0], chain.Keys[1].Account, Rao.FromTao(1), genesis: Hash256.Of("other chain"u8));

        var (execution, results) = chain.Produce(foreign);

        Assert.Equal(TxError.BadSignature, results[0]?.Error);
        Assert.Contains("genesis", results[0]!.Message, StringComparison.Ordinal);
        Assert.Empty(execution.Transactions);
        Assert.Equal(TestChain.StartBalance, chain.Account(chain.Keys[0].Account).Free);
    }

    [Fact]
    public void Transaction_past_its_era_is_rejected_as_expired()
    {
        using var chain = new TestChain();
        var mortal = chain.Transfer(chain.Keys[0], chain.Keys[1].Account, Rao.FromTao(1), era: new Era(0, 4));
        for (var i = 0; i < 4; i++)
        {
            chain.Produce();
        }

        var (_, results) = chain.Produce(mortal);

        Assert.Equal(TxError.Expired, results[0]?.Error);
        Assert.Equal(0UL, chain.Account(chain.Keys[0].Account).Nonce);
    }

    [Fact]
    public void Transaction_born_in_a_future_block_or_with_an_overlong_era_is_rejected()
    {
        using var chain = new TestChain();
        var future = chain.Transfer(chain.Keys[0], chain.Keys[1].Account, Rao.FromTao(1), era: new Era(5, 64));
        var overlong = chain.Transfer(chain.Keys[0], chain.Keys[1].Account, Rao.FromTao(1), era: new Era(0, 1_000_000));

        var (_, results) = chain.Produce(future, overlong);

        Assert.Equal(TxError.BirthInFuture, results[0]?.Error);
        Assert.Equal(TxError.InvalidEra, results[1]?.Error);
    }

    [Fact]
    public void Forged_signature_and_altered_amount_are_rejected()
    {
        using var chain = new TestChain();
        var honest = chain.Transfer(chain.Keys[0], chain.Keys[1].Account, Rao.FromTao(1));
        var forgedBytes = honest.Encoded.ToArray();
        forgedBytes[^1] ^= 0x01;
        var alteredBytes = honest.Encoded.ToArray();
        alteredBytes[^65] ^= 0x01; // last byte of the amount, just before the signature
        var forged = SignedTransaction.Decode(forgedBytes, chain.Parameters.TransactionBytesMax);
        var altered = SignedTransaction.Decode(alteredBytes, chain.Parameters.TransactionBytesMax);
        var impostor = SignedTransaction.Sign(honest.Body with { Sender = chain.Keys[2].Account }, chain.Keys[2], TestChain.Genesis);
        var swapped = SignedTransaction.Decode([.. impostor.Encoded[..^64], .. honest.Signature], chain.Parameters.TransactionBytesMax);

        var (_, results) = chain.Produce(forged, altered, swapped);

        Assert.All(results, r => Assert.Equal(TxError.BadSignature, r?.Error));
        Assert.Equal(0, chain.InvariantGap());
    }

    [Fact]
    public void Transfer_beyond_the_free_balance_is_refused_at_admission_with_the_amounts()
    {
        using var chain = new TestChain();
        var tooMuch = chain.Transfer(chain.Keys[0], chain.Keys[1].Account, TestChain.StartBalance);

        var rejection = Execution.TransactionExecutor.CheckForAdmission(tooMuch, new StateOverlay(chain.State), chain.NextContext());

        Assert.Equal(TxError.InsufficientBalance, rejection?.Error);
        Assert.Equal(Protocol.Modules.ModuleId.Balances, rejection!.CallError?.Module);
        Assert.Contains("1000.0 TAO", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transfer_beyond_the_free_balance_in_a_block_is_included_as_failed_and_pays_only_fee_and_nonce()
    {
        using var chain = new TestChain();
        var (alice, bob) = (chain.Keys[0], chain.Keys[1].Account);
        var tooMuch = chain.Transfer(alice, bob, TestChain.StartBalance);
        var fee = Fees.Compute(tooMuch, chain.Parameters);

        var (execution, results) = chain.Produce(tooMuch);

        Assert.Null(results[0]);
        Assert.Single(execution.Transactions);
        var failed = Assert.IsType<Protocol.System.CallFailed>(execution.Events.Single(e => e.Event is Protocol.System.CallFailed).Event);
        Assert.Equal((Protocol.Modules.ModuleId.Balances, (ushort)BalancesError.InsufficientBalance), (failed.Module, failed.Error));
        Assert.Equal("insufficient_balance", failed.ErrorName);
        Assert.Equal((TestChain.StartBalance - fee).Value, chain.Account(alice.Account).Free.Value);
        Assert.Equal(1UL, chain.Account(alice.Account).Nonce);
        Assert.Equal(TestChain.StartBalance.Value, chain.Account(bob).Free.Value);
        Assert.DoesNotContain(execution.Events, e => e.Event is Transferred);
        Assert.Equal(0, chain.InvariantGap());
    }

    [Fact]
    public void Zero_amount_transfer_is_rejected()
    {
        using var chain = new TestChain();

        var (_, results) = chain.Produce(chain.Transfer(chain.Keys[0], chain.Keys[1].Account, Rao.Zero));

        Assert.Equal(TxError.InvalidCall, results[0]?.Error);
    }

    [Fact]
    public void Future_nonce_waits_until_the_gap_is_filled()
    {
        using var chain = new TestChain();
        var second = chain.Transfer(chain.Keys[0], chain.Keys[1].Account, Rao.FromTao(1), nonce: 1);
        var first = chain.Transfer(chain.Keys[0], chain.Keys[1].Account, Rao.FromTao(1), nonce: 0);

        var (_, results) = chain.Produce(second, first, second);

        Assert.Equal(TxError.FutureNonce, results[0]?.Error);
        Assert.Null(results[1]);
        Assert.Null(results[2]);
        Assert.Equal(2UL, chain.Account(chain.Keys[0].Account).Nonce);
    }
}
