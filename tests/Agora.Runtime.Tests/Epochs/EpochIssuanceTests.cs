using Agora.Core.Primitives;
using Agora.Protocol.Balances;
using Agora.Protocol.Staking;
using Agora.Protocol.Subnets;
using Agora.Protocol.Transactions;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.Queries;

namespace Agora.Runtime.Tests.Epochs;

public sealed class EpochIssuanceTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 6)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Issuance_equals_everything_held_after_every_block_of_random_stake_moves_epochs_payouts_and_penalties(int seed)
    {
        // Given a subnet of 10 neurons owned by keys 1–5, random weights, and a harsh stake penalty
        var random = new Random(seed);
        using var world = EpochWorld.Create();
        world.SetHyperparameter(HyperparameterId.StakePenaltyRate, 30_000);
        world.SetHyperparameter(HyperparameterId.PenaltyEpochs, 1);
        world.SetHyperparameter(HyperparameterId.PenaltyVtrustThreshold, 60_000);
        var keys = world.Chain.Keys;
        var hotkeys = Enumerable.Range(0, 10).Select(uid => EpochWorld.Account(8, uid)).ToArray();
        world.Write(state =>
        {
            for (var uid = 0; uid < hotkeys.Length; uid++)
            {
                var owner = keys[1 + (uid % 5)].Account;
                EpochWorld.Own(state, owner, hotkeys[uid], (ushort)random.Next(0, 11_797));
                world.Register(state, (ushort)uid, hotkeys[uid], 0);
                world.Stake(state, owner, hotkeys[uid], new Rao((ulong)random.NextInt64(0, 50 * (long)Rao.PerTao)));
                EpochState.SetOutputs(state, world.Netuid, (ushort)uid, NeuronOutputs.None with { ValidatorPermit = random.Next(2) == 0 });
                var row = Enumerable.Range(0, hotkeys.Length).Where(_ => random.Next(3) == 0).Select(j => ((ushort)j, (ushort)random.Next(1, 65_536)));
                WeightsState.SetRow(state, world.Netuid, (ushort)uid, new SparseU16Row([.. row]));
            }
        });

        // When 70 blocks run with random stakes, unstakes and transfers (some of which fail)
        var epochs = 0;
        ulong paid = 0;
        for (var block = 0; block < 70; block++)
        {
            var calls = Enumerable.Range(0, random.Next(0, 4)).Select(_ =>
            {
                var hotkey = hotkeys[random.Next(hotkeys.Length)];
                var amount = new Rao((ulong)random.NextInt64(1, 20 * (long)Rao.PerTao));
                Call call = random.Next(3) switch
                {
                    0 => new AddStakeCall(hotkey, world.Netuid, amount),
                    1 => new RemoveStakeCall(hotkey, world.Netuid, amount),
                    _ => new TransferCall(keys[random.Next(keys.Length)].Account, amount),
                };
                return call;
            }).ToArray();
            var signed = new List<SignedTransaction>();
            var nonces = keys.ToDictionary(k => k.Account, k => world.Chain.Account(k.Account).Nonce);
            foreach (var call in calls)
            {
                var signer = keys[random.Next(1, keys.Length)];
                signed.Add(world.Chain.Sign(signer, call, nonces[signer.Account]++));
            }

            var (execution, _) = world.Chain.Produce([.. signed]);
            foreach (var run in world.EpochRuns(execution))
            {
                epochs++;
                paid += run.MinerTotal.Value + run.ValidatorTotal.Value;
            }

            // Then after every block
            var audit = IssuanceAudit.Of(world.Chain.State);
            Assert.True(audit.Gap == 0, $"block {world.Chain.BestNumber}: issuance {audit.TotalIssuance} but {audit.Held} held ({audit})");
        }

        Assert.True(epochs >= 3, $"{epochs} epochs ran");
        Assert.True(paid > 0, "the epochs paid stake");
    }
}
