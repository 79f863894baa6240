using Agora.Core.Primitives;
using Agora.Protocol.Governance;
using Agora.Protocol.Staking;
using Agora.Protocol.Transactions;

namespace Agora.Node.Tests.Core;

/// <summary>Admission against the best state: nothing waits in the pool that its payer cannot pay for.</summary>
public sealed class NodeCoreAdmissionTests
{
    [Fact]
    public void Two_transfers_each_affordable_alone_are_refused_together_naming_free_reserved_and_needed()
    {
        using var node = new NodeFixture();
        using var sender = NodeFixture.FreshKey(0xA1);
        node.Fund([sender.Account], Rao.FromTao(10));
        var first = node.Core.Submit(node.Transfer(sender, node.Bob.Account, Rao.FromTao(6)));

        var second = node.Core.Submit(node.Transfer(sender, node.Bob.Account, Rao.FromTao(6), nonce: 1));
        var future = node.Core.Submit(node.Transfer(sender, node.Bob.Account, Rao.FromTao(6), nonce: 5));

        Assert.True(first.Accepted, first.Rejection?.Message);
        Assert.Equal(TxError.InsufficientBalance, second.Rejection?.Error);
        Assert.Contains($"{sender.Account} has 10.0 TAO free; its 1 waiting transactions reserve 6.", second.Rejection!.Message, StringComparison.Ordinal);
        Assert.Contains("this one needs 6.", second.Rejection.Message, StringComparison.Ordinal);
        Assert.Equal(TxError.InsufficientBalance, future.Rejection?.Error);
        Assert.Equal(1, node.Core.PendingCount);
    }

    [Fact]
    public void A_future_nonce_is_refused_when_its_payer_cannot_pay_the_amount()
    {
        using var node = new NodeFixture();
        using var sender = NodeFixture.FreshKey(0xA2);
        node.Fund([sender.Account], Rao.FromTao(10));

        var tooMuch = node.Core.Submit(node.Transfer(sender, node.Bob.Account, Rao.FromTao(20), nonce: 3));
        var enough = node.Core.Submit(node.Transfer(sender, node.Bob.Account, Rao.FromTao(2), nonce: 3));

        Assert.Equal(TxError.InsufficientBalance, tooMuch.Rejection?.Error);
        Assert.True(enough.Accepted, enough.Rejection?.Message);
    }

    [Fact]
    public void A_future_stake_or_subnet_proposal_counts_its_amount_or_lock_against_the_payer()
    {
        using var node = new NodeFixture();
        using var sender = NodeFixture.FreshKey(0xA5);
        node.Fund([sender.Account], Rao.FromTao(10));

        var stake = node.Core.Submit(node.Sign(sender, new AddStakeCall(node.Alice.Account, 0, Rao.FromTao(20)), nonce: 1));
        var proposal = node.Core.Submit(node.Sign(sender, new ProposeSubnetCall("flood", "", sender.Account, []), nonce: 1));

        // The dev chain's lock is at least 100 TAO: the call's share of the cost names it.
        Assert.Equal(TxError.InsufficientBalance, stake.Rejection?.Error);
        Assert.Contains("call 20.0 TAO", stake.Rejection!.Message, StringComparison.Ordinal);
        Assert.Equal(TxError.InsufficientBalance, proposal.Rejection?.Error);
        Assert.Contains("call 100.0 TAO", proposal.Rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replacement_with_a_higher_tip_releases_what_the_replaced_transaction_reserved()
    {
        using var node = new NodeFixture();
        using var sender = NodeFixture.FreshKey(0xA3);
        node.Fund([sender.Account], Rao.FromTao(10));
        var original = node.Transfer(sender, node.Bob.Account, Rao.FromTao(6));
        node.Core.Submit(original);

        var replacement = node.Transfer(sender, node.Bob.Account, Rao.FromTao(9), tip: new Rao(1));
        var replaced = node.Core.Submit(replacement);
        var block = node.Core.ProduceBlock();

        Assert.True(replaced.Accepted, replaced.Rejection?.Message);
        Assert.Equal(replacement.Hash, Assert.Single(block.Block.Transactions).Hash);
    }

    [Fact]
    public void A_call_a_hotkey_signs_is_counted_against_its_owner()
    {
        // Given an owner with 10 TAO and a hotkey it owns
        using var node = new NodeFixture();
        using var owner = NodeFixture.FreshKey(0xA4);
        using var hotkey = NodeFixture.FreshKey(0xA4, 1);
        node.Fund([owner.Account], Rao.FromTao(10));
        var associate = node.Core.Submit(node.Sign(owner, new AssociateHotkeyCall(hotkey.Account, HotkeyProof.Sign(hotkey, owner.Account, node.Chain.GenesisHash))));
        node.Core.ProduceBlock();
        var vote = node.Sign(hotkey, new VoteCall(0, Aye: true), nonce: 1);
        var voteFee = node.Core.QueryFee(vote);
        var free = node.Core.GetAccount(owner.Account).Free;
        var probe = node.Transfer(owner, node.Bob.Account, Rao.FromTao(1));
        var transferFee = node.Core.QueryFee(probe);

        // When the owner queues a transfer that leaves less than the vote's fee, then the hotkey's vote waits on a nonce
        var transfer = node.Core.Submit(node.Transfer(owner, node.Bob.Account, free - transferFee - voteFee + new Rao(1)));
        var refused = node.Core.Submit(vote);

        // Then the vote is refused, naming the owner who pays for it
        Assert.True(associate.Accepted, associate.Rejection?.Message);
        Assert.True(transfer.Accepted, transfer.Rejection?.Message);
        Assert.Equal(TxError.InsufficientBalance, refused.Rejection?.Error);
        Assert.Contains($"{owner.Account} (owner of hotkey {hotkey.Account})", refused.Rejection!.Message, StringComparison.Ordinal);
        Assert.Contains("its 1 waiting transactions reserve", refused.Rejection.Message, StringComparison.Ordinal);
    }
}
