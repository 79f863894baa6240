using Agora.Core.Primitives;
using Agora.Protocol.Balances;
using Agora.Protocol.Governance;
using Agora.Protocol.Staking;
using Agora.Protocol.Subnets;
using Agora.Protocol.Transactions;
using Agora.Runtime.Modules.Governance;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.Queries;
using CsCheck;

namespace Agora.Runtime.Tests.Economy;

public sealed class EconomyPropertyTests
{
    private static readonly Gen<(int Kind, int A, int B, int C, ulong Amount, bool Flag)> OperationGen =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, 5], Gen.Int[0, 5], Gen.Int[0, 4], Gen.ULong[0, 400_000_000_000].Select(a => a % 3 == 0 ? ulong.MaxValue : a), Gen.Bool);

    [Fact]
    public void After_every_block_of_random_economy_calls_issuance_equals_everything_held_and_stays_under_the_cap()
    {
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        OperationGen.Array[1, 10].Array[1, 12].Sample(blocks =>
        {
            using var chain = EconomyChain.Create(ChainParameters.Development with { SubnetCountMax = 2, ProposalVotingWindowBlocks = 4, SubnetImmunityBlocks = 2, SubnetLockMin = Rao.FromTao(1) }, withSudo: true);
            foreach (var key in chain.Keys.Skip(3))
            {
                chain.Run(key, new AssociateHotkeyCall(key.Account, new byte[64]));
            }

            // Both slots taken, so every approved proposal replaces a subnet.
            EconomyChain.Launch(chain, "first");
            EconomyChain.Launch(chain, "second");

            foreach (var block in blocks)
            {
                var nonces = chain.Keys.Select(k => chain.Account(k.Account).Nonce).ToArray();
                var transactions = block.Select(op =>
                {
                    var (signer, call) = CallFor(chain, op);
                    return chain.Sign(chain.Keys[signer], call, nonces[signer]++);
                }).ToArray();

                var (execution, results) = chain.Produce(transactions);
                foreach (var record in execution.Events)
                {
                    seen.AddOrUpdate(record.Event.Name, 1, (_, n) => n + 1);
                }

                var audit = IssuanceAudit.Of(chain.State);
                Assert.True(audit.Gap == 0, $"issuance {audit.TotalIssuance} but {audit.Held} held ({audit})");
                Assert.True(audit.TotalIssuance <= chain.Parameters.SupplyCap.Value);
                Assert.Equal(results.Count(r => r is null), execution.Transactions.Count);
                AssertTotalsAgreeWithPositions(chain);
            }
        }, iter: 200);

        // The random calls reach every path the invariant must survive, failures included.
        Assert.All(["call_failed", "stake_added", "stake_removed", "stake_moved", "subnet_proposed", "subnet_launched", "proposal_cancelled",
            "proposal_expired", "subnet_deregistered", "hyperparameter_set", "emission_minted", "transferred", "take_changed"], name => Assert.True(seen.ContainsKey(name), $"no {name} in any sample"));
    }

    /// <summary>The signer's key index and the call; votes come from the senate (keys 0–2) on the first proposals, mostly aye; half the hyperparameter changes from sudo.</summary>
    private static (int Signer, Call Call) CallFor(TestChain chain, (int Kind, int A, int B, int C, ulong Amount, bool Flag) op) =>
        op.Kind switch
        {
            5 or 6 => (op.A % 3, new VoteCall((ulong)op.C, op.Flag || op.B % 3 != 0)),
            8 when op.Flag => (0, CallOf(chain, op)), // key 0 is sudo
            _ => (op.A, CallOf(chain, op)),
        };

    private static Call CallOf(TestChain chain, (int Kind, int A, int B, int C, ulong Amount, bool Flag) op)
    {
        var hotkey = chain.Keys[op.B].Account;
        var netuid = (ushort)op.C;
        var amount = new Rao(op.Amount);
        var proposalId = (ulong)op.C;
        return op.Kind switch
        {
            0 => new TransferCall(hotkey, new Rao(op.Amount % 500_000_000_000)),
            1 => new AddStakeCall(op.B % 2 == 0 ? chain.Keys[op.A].Account : hotkey, (ushort)(op.B % 2 == 0 ? op.C % 2 : op.C), new Rao(op.Amount == ulong.MaxValue ? 1_000_000_000 : op.Amount % 300_000_000_000)),
            2 => new RemoveStakeCall(hotkey, netuid, amount),
            3 => new MoveStakeCall(chain.Keys[op.A].Account, (ushort)(op.C % 2), op.Flag ? chain.Keys[op.A].Account : hotkey, (ushort)((op.C + 1) % 2), amount),
            4 => new ProposeSubnetCall($"subnet{op.B}", "", chain.Keys[op.A].Account, []),
            7 => new CancelProposalCall(proposalId),
            8 => new SetHyperparameterCall((ushort)(op.C % 3), (HyperparameterId)(op.B * 5 % 29), op.Amount % 8_000),
            _ => new SetTakeCall(hotkey, (ushort)(op.Amount % 12_000)),
        };
    }

    private static void AssertTotalsAgreeWithPositions(TestChain chain)
    {
        foreach (var netuid in SubnetState.Netuids(chain.State))
        {
            var positions = StakingState.PositionsOn(chain.State, netuid).Aggregate(0UL, (sum, p) => sum + p.Stake.Value);
            Assert.Equal(SubnetState.Economy(chain.State, netuid).TotalStake.Value, positions);
        }

        foreach (var key in chain.Keys)
        {
            var positions = StakingState.PositionsOf(chain.State, key.Account).Aggregate(0UL, (sum, p) => sum + p.Stake.Value);
            Assert.Equal(chain.Account(key.Account).Staked.Value, positions);
            Assert.All(StakingState.PositionsOf(chain.State, key.Account), p => Assert.True(p.Stake >= chain.Parameters.StakeMin, $"position of {p.Stake} below the minimum"));
        }

        var candidates = StakingState.Hotkeys(chain.State).Where(h => h.Info.TotalStake >= chain.Parameters.SenateStakeMin)
            .Select(h => (h.Hotkey, h.Info.TotalStake)).OrderBy(h => h.Hotkey, AccountOrder.Instance).ToArray();
        Assert.Equal(candidates, chain.State.Iterate(StakingKeys.SenateCandidatePrefix)
            .Select(e => (State.StateKey.AccountAt(e.Key, StakingKeys.SenateCandidatePrefix.Length), new Rao(State.StateReading.DecodeU64(e.Value)))).ToArray());

        var reserved = chain.Keys.Aggregate(0UL, (sum, k) => sum + chain.Account(k.Account).Reserved.Value);
        var locks = GovernanceState.Proposals(chain.State).Where(p => p.Status is ProposalStatus.Pending).Aggregate(0UL, (sum, p) => sum + p.Lock.Value)
            + SubnetState.Netuids(chain.State).Aggregate(0UL, (sum, n) => sum + SubnetState.Info(chain.State, n)!.Lock.Value);
        Assert.Equal(locks, reserved);
    }
}
