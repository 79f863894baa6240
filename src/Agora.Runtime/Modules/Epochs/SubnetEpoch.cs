using System.Collections.Immutable;
using Agora.Core.Primitives;
using Agora.Protocol.Epochs;
using Agora.Protocol.Events;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.State;
using Agora.Storage;
using Agora.Yuma;

namespace Agora.Runtime.Modules.Epochs;

/// <summary>
/// One subnet's epoch: reads its input (<see cref="EpochInputs"/>), runs <see cref="YumaEpoch"/>, stores each uid's
/// outputs and bonds and the epoch's block, pays the owner cut and the stake credits (<see cref="EpochPayouts"/>),
/// burns due stake penalties (<see cref="StakePenalties"/>) and carries the dust. Everything is computed from the
/// state as the block's hooks left it before the first write.
/// </summary>
public static class SubnetEpoch
{
    /// <summary>Runs <paramref name="netuid"/>'s epoch in <paramref name="block"/>.</summary>
    public static void Run(StateOverlay state, ushort netuid, ulong block, SubnetHyperparameters hyperparameters, ChainParameters parameters, ICollection<RuntimeEvent> events)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(events);
        var economy = SubnetState.Economy(state, netuid);
        var emission = economy.PendingEmission + economy.Dust;
        var reading = EpochInputs.ReadWithNeurons(state, netuid, block, hyperparameters, emission: 0);
        if (reading.Neurons.IsEmpty)
        {
            // Nobody to pay: the whole emission is carried, the owner's cut included.
            SubnetState.SetEconomy(state, netuid, economy with { PendingEmission = Rao.Zero, Dust = emission });
            EpochState.SetSubnet(state, netuid, new SubnetEpochState(block));
            events.Add(new EpochRun(netuid, block, emission, Rao.Zero, Rao.Zero, Rao.Zero, Rao.Zero, emission));
            return;
        }

        var owner = (SubnetState.Info(state, netuid) ?? throw new InvalidOperationException($"subnet {netuid} has hyperparameters but no info")).Owner;
        var ownerCut = EpochPayouts.OwnerCutOf(emission);
        var output = YumaEpoch.Run(reading.Input with { Emission = (emission - ownerCut).Value });
        var payouts = EpochPayouts.Plan(state, netuid, reading, output);
        var (streaks, penalties) = PlanPenalties(state, netuid, reading, output, hyperparameters);

        var ownerAccount = state.GetAccount(owner);
        state.SetAccount(owner, ownerAccount with { Free = ownerAccount.Free + ownerCut });
        StoreOutputs(state, netuid, reading, output, streaks);
        EpochState.SetSubnet(state, netuid, new SubnetEpochState(block));
        StakeLedger.CreditAll(state, netuid, [.. payouts.Credits.Select(c => (c.Coldkey, c.Hotkey, c.Amount))], parameters, payouts.Stake);

        foreach (var penalty in penalties)
        {
            StakeLedger.Debit(state, penalty.Coldkey, penalty.Hotkey, netuid, penalty.Burned, parameters);
            state.SetU64(StateKeys.TotalIssuance, (new Rao(state.GetU64(StateKeys.TotalIssuance)) - penalty.Burned).Value);
        }

        var dust = new Rao(output.Dust) + payouts.Remainder;
        SubnetState.SetEconomy(state, netuid, SubnetState.Economy(state, netuid) with { PendingEmission = Rao.Zero, Dust = dust });
        events.Add(new EpochRun(netuid, block, emission, ownerCut, payouts.MinerTotal, payouts.ValidatorTotal, payouts.TakeTotal, dust));
        foreach (var penalty in penalties)
        {
            events.Add(penalty);
        }
    }

    /// <summary>Each uid's low-trust streak after this epoch and the penalties due (figures from the state the epoch read).</summary>
    private static (ushort[] Streaks, ImmutableArray<StakePenalty> Penalties) PlanPenalties(
        IStateReader state, ushort netuid, EpochReading reading, EpochOutput output, SubnetHyperparameters hyperparameters)
    {
        var streaks = new ushort[reading.Neurons.Length];
        var penalties = ImmutableArray.CreateBuilder<StakePenalty>();
        if (!StakePenalties.IsEnabled(hyperparameters))
        {
            return (streaks, penalties.ToImmutable());
        }

        for (var uid = 0; uid < streaks.Length; uid++)
        {
            var streak = StakePenalties.NextStreak(reading.Input.Neurons[uid].ValidatorPermit, output.ValidatorTrust[uid], reading.Previous[uid].LowTrustEpochs, hyperparameters);
            if (StakePenalties.IsDue(streak, hyperparameters))
            {
                var hotkey = reading.Neurons[uid].Hotkey;
                var coldkey = (StakingState.Hotkey(state, hotkey) ?? throw new InvalidOperationException($"uid {uid} of subnet {netuid} is held by hotkey {hotkey}, which no coldkey owns")).Owner;
                var burned = StakePenalties.Burn(StakingState.Position(state, coldkey, hotkey, netuid), hyperparameters);

                // Nothing to burn (no own stake, or a rate that floors to 0): the streak still starts again, silently.
                if (burned > Rao.Zero)
                {
                    penalties.Add(new StakePenalty(netuid, (ushort)uid, hotkey, coldkey, EpochOutput.StoredProportion(output.ValidatorTrust[uid]), streak, burned));
                }

                streak = 0;
            }

            streaks[uid] = streak;
        }

        return (streaks, penalties.ToImmutable());
    }

    /// <summary>Stores each uid's outputs and new bonds row, skipping values that did not change.</summary>
    private static void StoreOutputs(StateOverlay state, ushort netuid, EpochReading reading, EpochOutput output, ushort[] streaks)
    {
        for (var uid = 0; uid < reading.Neurons.Length; uid++)
        {
            var outputs = new NeuronOutputs(
                output.Rank[uid], output.Trust[uid], output.Consensus[uid], output.Incentive[uid], output.Dividends[uid], output.ValidatorTrust[uid],
                new Rao(output.Emission[uid]), output.ValidatorPermit[uid], streaks[uid]);
            var stored = reading.Stored[uid];
            SetIfChanged(state, EpochKeys.Outputs(netuid, (ushort)uid), stored.Outputs, outputs.Encode());
            var columns = output.Bonds.RowColumns(uid);
            var values = output.Bonds.RowValues(uid);
            var entries = ImmutableArray.CreateBuilder<(ushort Uid, ushort Value)>(columns.Length);
            for (var k = 0; k < columns.Length; k++)
            {
                entries.Add(((ushort)columns[k], values[k]));
            }

            var key = EpochKeys.Bonds(netuid, (ushort)uid);
            if (entries.Count == 0)
            {
                if (stored.Bonds is not null)
                {
                    state.Delete(key);
                }
            }
            else
            {
                SetIfChanged(state, key, stored.Bonds, new SparseU16Row(entries.MoveToImmutable()).Encode());
            }
        }
    }

    /// <summary>Sets <paramref name="key"/> unless <paramref name="stored"/> (its value as the epoch read it) equals <paramref name="value"/>.</summary>
    private static void SetIfChanged(StateOverlay state, byte[] key, byte[]? stored, byte[] value)
    {
        if (stored is null || !stored.AsSpan().SequenceEqual(value))
        {
            state.Set(key, value);
        }
    }
}
