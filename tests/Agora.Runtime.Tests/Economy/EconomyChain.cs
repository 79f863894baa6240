using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Protocol.Governance;
using Agora.Protocol.Modules;
using Agora.Protocol.Subnets;
using Agora.Protocol.System;
using Agora.Protocol.Transactions;
using Agora.Runtime.Execution;
using Agora.Runtime.State;

namespace Agora.Runtime.Tests.Economy;

/// <summary>Economy helpers over a <see cref="TestChain"/> with dev parameters and a three-member senate (keys 0–2, 100 TAO each on root).</summary>
internal static class EconomyChain
{
    public static TestChain Create(ChainParameters? parameters = null, int accountCount = 6, bool withSudo = false) =>
        new(accountCount, parameters ?? ChainParameters.Development, senateCount: 3, withSudo: withSudo);

    /// <summary>Key 0 proposes <paramref name="name"/>; keys 0 and 2 vote aye; returns the launched netuid.</summary>
    public static ushort Launch(TestChain chain, string name, params HyperparameterOverride[] overrides)
    {
        var proposer = chain.Keys[0];
        var proposed = chain.Run(proposer, new ProposeSubnetCall(name, "", proposer.Account, overrides)).OfType<SubnetProposed>().Single();
        chain.Run(chain.Keys[0], new VoteCall(proposed.ProposalId, true));
        var launched = chain.Run(chain.Keys[2], new VoteCall(proposed.ProposalId, true)).OfType<SubnetLaunched>().Single();
        return launched.Netuid;
    }

    /// <summary>
    /// Runs <paramref name="call"/> signed by <paramref name="signer"/> and asserts it was included, failed with
    /// <paramref name="error"/>, and changed nothing but fee, nonce and issuance: the block's changes equal an empty
    /// block's plus the payer's and sender's account records and total issuance.
    /// </summary>
    public static CallFailed AssertFailsLeavingOnlyFeeAndNonce(TestChain chain, KeyPair signer, Call call, ModuleId module, ushort error, AccountId? payer = null)
    {
        var transaction = chain.Sign(signer, call);
        var empty = new BlockBuilder(chain.State, chain.NextContext()).Finish();
        var payerAccount = payer ?? signer.Account;
        var payerBefore = chain.Account(payerAccount);
        var fee = Modules.Balances.Fees.Compute(transaction, chain.Parameters);

        var (execution, results) = chain.Produce(transaction);

        Assert.Null(results[0]);
        var failed = execution.Events.Select(e => e.Event).OfType<CallFailed>().Single();
        Assert.Equal((module, error, CallErrors.NameOf(module, error)), (failed.Module, failed.Error, failed.ErrorName));
        var allowed = new HashSet<string>(StringComparer.Ordinal)
        {
            Convert.ToHexString(StateKeys.Account(payerAccount)),
            Convert.ToHexString(StateKeys.Account(signer.Account)),
            Convert.ToHexString(StateKeys.TotalIssuance),
        };
        var emptyChanges = empty.Changes.ToDictionary(c => Convert.ToHexString(c.Key), c => Convert.ToHexString(c.Value ?? []), StringComparer.Ordinal);
        foreach (var change in execution.Changes)
        {
            var key = Convert.ToHexString(change.Key);
            if (!allowed.Contains(key))
            {
                Assert.True(emptyChanges.TryGetValue(key, out var value) && value == Convert.ToHexString(change.Value ?? []), $"the failed call changed state key {key}");
            }
        }

        Assert.Equal((payerBefore.Free - fee).Value, chain.Account(payerAccount).Free.Value);
        Assert.Equal(0, chain.InvariantGap());
        return failed;
    }
}
