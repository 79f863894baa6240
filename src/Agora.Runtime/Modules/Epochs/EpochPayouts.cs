using System.Collections.Immutable;
using Agora.Core.Primitives;
using Agora.Runtime.Modules.Staking;
using Agora.Storage;
using Agora.Yuma;

namespace Agora.Runtime.Modules.Epochs;

/// <summary>
/// The payouts of an epoch, exactly as DESIGN §4a "Payouts at an epoch" says. Of the subnet's emission E (pending
/// emission plus carried dust) the owner coldkey gets <c>floor(E · 11,796 / 65,535)</c> as free balance; the rest is
/// the engine's emission. Miner emission M_h becomes stake of (owner(h), h); of validator emission V_h the take
/// <c>floor(V_h · take_h / 65,535)</c> becomes the owner's stake and the rest R goes to every position p on (h, netuid),
/// the owner's included, as <c>floor(R · stake_p / Σ stake)</c> (all of R to the owner when Σ stake is 0). Shares are
/// of the positions as the epoch read them, before this epoch's credits. Every remainder is the subnet's dust.
/// </summary>
public static class EpochPayouts
{
    /// <summary>The subnet owner's cut as a u16 proportion: 11,796 / 65,535 ≈ 18%.</summary>
    public const ushort OwnerCut = 11_796;

    /// <summary>The owner's cut of <paramref name="emission"/>: <c>floor(E · 11,796 / 65,535)</c>.</summary>
    public static Rao OwnerCutOf(Rao emission) => Proportion(emission, OwnerCut);

    /// <summary><c>floor(amount · proportion / 65,535)</c>.</summary>
    public static Rao Proportion(Rao amount, ushort proportion) => new((ulong)((UInt128)amount.Value * proportion / ushort.MaxValue));

    /// <summary>Plans the stake credits of <paramref name="output"/> (reads owners, takes and positions; writes nothing).</summary>
    public static PayoutPlan Plan(IStateReader state, ushort netuid, EpochReading reading, EpochOutput output)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(output);
        var credits = ImmutableArray.CreateBuilder<StakeCredit>();
        var subnetStake = SubnetStakeSnapshot.Read(state, netuid);
        ulong minerTotal = 0, validatorTotal = 0, takeTotal = 0, remainder = 0;
        for (var uid = 0; uid < reading.Neurons.Length; uid++)
        {
            var miner = output.MinerEmission[uid];
            var validator = output.ValidatorEmission[uid];
            if (miner == 0 && validator == 0)
            {
                continue;
            }

            var hotkey = reading.Neurons[uid].Hotkey;
            var info = StakingState.Hotkey(state, hotkey)
                ?? throw new InvalidOperationException($"uid {uid} of subnet {netuid} is held by hotkey {hotkey}, which no coldkey owns");
            var take = Proportion(new Rao(validator), info.Take).Value;
            var rest = validator - take;
            var ownerAmount = miner + take;
            var paidToValidators = take;
            var others = new List<StakeCredit>();
            subnetStake.RecordHotkey(hotkey, info, new Rao(reading.Input.Neurons[uid].Stake));
            var positions = subnetStake.NominatorsOn(hotkey);
            UInt128 staked = 0;
            foreach (var (_, stake) in positions)
            {
                staked += stake.Value;
            }

            if (staked == 0)
            {
                ownerAmount += rest;
                paidToValidators += rest;
            }
            else
            {
                foreach (var (coldkey, stake) in positions)
                {
                    var share = (ulong)(rest * (UInt128)stake.Value / staked);
                    paidToValidators += share;
                    if (coldkey == info.Owner)
                    {
                        ownerAmount += share;
                    }
                    else if (share > 0)
                    {
                        others.Add(new StakeCredit(coldkey, hotkey, new Rao(share)));
                    }
                }
            }

            if (ownerAmount > 0)
            {
                credits.Add(new StakeCredit(info.Owner, hotkey, new Rao(ownerAmount)));
            }

            credits.AddRange(others);
            minerTotal += miner;
            validatorTotal += paidToValidators;
            takeTotal += take;
            remainder += validator - paidToValidators;
        }

        return new PayoutPlan(credits.ToImmutable(), new Rao(minerTotal), new Rao(validatorTotal), new Rao(takeTotal), new Rao(remainder)) { Stake = subnetStake };
    }
}
