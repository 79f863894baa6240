using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;
using Agora.Protocol.Neurons;
using Agora.Protocol.Staking;
using Agora.Protocol.Subnets;
using Agora.Protocol.Transactions;
using Agora.Runtime.Execution;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Modules.Neurons;

/// <summary>
/// Executes <see cref="BurnedRegisterCall"/>: the coldkey burns the subnet's current burn (it leaves total issuance)
/// and the hotkey, owned by the coldkey from now on, takes the next uid, or on a full subnet the uid of the
/// non-immune neuron with the lowest pruning score (<see cref="NeuronPruning"/>), which starts clean.
/// </summary>
public sealed class BurnedRegisterHandler : CallHandler<BurnedRegisterCall>
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.BurnedRegister;

    /// <inheritdoc />
    public override ModuleId Module => ModuleId.Neurons;

    /// <inheritdoc />
    protected override CallError? CheckStateless(BurnedRegisterCall call, AccountId sender, BlockContext context)
    {
        if (call.Netuid == SubnetState.RootNetuid)
        {
            return NeuronsError.RootSubnet.Because("netuid 0 is the root subnet, which has no neurons; register on a subnet ≥ 1");
        }

        return call.Hotkey == sender || HotkeyProof.Verify(call.Hotkey, sender, context.GenesisHash, call.Proof.Span)
            ? null
            : NeuronsError.BadProofOfPossession.Because(
                $"the proof is not {call.Hotkey}'s signature over ({HotkeyProof.Domain}, {sender}, this chain's genesis); sign it with the hotkey's secret");
    }

    /// <inheritdoc />
    protected override Rao PayerSpendMax(BurnedRegisterCall call, AccountId sender, IStateReader state, BlockContext context) =>
        NeuronState.Registration(state, call.Netuid, context.Parameters).Burn;

    /// <inheritdoc />
    protected override CallError? Execute(BurnedRegisterCall call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        var (netuid, hotkey, coldkey, now) = (call.Netuid, call.Hotkey, context.Sender, context.Block.Number);
        var hyperparameters = SubnetState.HyperparametersOf(state, netuid);
        if (hyperparameters is null)
        {
            return NeuronsError.SubnetNotFound.Because($"no subnet has netuid {netuid}; see `agora subnets list`");
        }

        var owner = StakingState.Hotkey(state, hotkey);
        if (owner is not null && owner.Owner != coldkey)
        {
            return NeuronsError.HotkeyOwnedByAnother.Because($"hotkey {hotkey} is owned by {owner.Owner}; register a hotkey you own or a fresh one");
        }

        if (NeuronState.UidOf(state, netuid, hotkey) is { } existing)
        {
            return NeuronsError.AlreadyRegistered.Because($"hotkey {hotkey} already holds uid {existing} on subnet {netuid}");
        }

        var registration = NeuronState.Registration(state, netuid, context.Block.Parameters);
        var thisBlock = registration.Block == now ? registration.RegistrationsThisBlock : 0;
        var perBlockMax = hyperparameters[HyperparameterId.MaxRegistrationsPerBlock];
        if (thisBlock >= perBlockMax)
        {
            return NeuronsError.TooManyRegistrationsThisBlock.Because(
                $"subnet {netuid} took its {perBlockMax} registration(s) for block {now}; send it again for the next block");
        }

        var burn = registration.Burn;
        var account = state.GetAccount(coldkey);
        if (account.Free < burn)
        {
            return NeuronsError.InsufficientBalance.Because(
                $"{coldkey} has {account.Free.ToTaoString()} TAO free after the fee but the burn is {burn.ToTaoString()} TAO; see `agora subnets burn-cost {netuid}`");
        }

        var count = NeuronState.Count(state, netuid);
        PruningChoice? replaced = null;
        if (count >= hyperparameters.MaxAllowedUids)
        {
            // A lowered max_allowed_uids leaves the subnet full (never growing past it), not shrunk.
            replaced = NeuronPruning.Choose(state, netuid, now, hyperparameters[HyperparameterId.ImmunityPeriod], out var allImmune);
            if (replaced is null)
            {
                return allImmune;
            }
        }

        if (owner is null)
        {
            state.Set(StakingKeys.Hotkey(hotkey), new HotkeyInfo(coldkey, context.Block.Parameters.TakeMax, now, Rao.Zero).Encode());
            events.Add(new HotkeyAssociated(coldkey, hotkey));
        }

        state.SetAccount(coldkey, account with { Free = account.Free - burn });
        state.SetU64(StateKeys.TotalIssuance, (new Rao(state.GetU64(StateKeys.TotalIssuance)) - burn).Value);

        ushort uid;
        if (replaced is not null)
        {
            uid = replaced.Uid;
            NeuronReplacement.Clear(state, netuid, uid, replaced.Neuron.Hotkey);
            var replacedEvent = new NeuronReplaced(netuid, uid, replaced.Neuron.Hotkey, hotkey, replaced.Score, replaced.Rank, replaced.NonImmuneCount, replaced.ImmuneCount);
            DeregistrationHistory.Of(state, netuid).Prepend(new DeregistrationEntry(now, replacedEvent)).SaveAs(state, netuid);
            events.Add(replacedEvent);
        }
        else
        {
            uid = count;
            NeuronState.SetCount(state, netuid, checked((ushort)(count + 1)));
        }

        NeuronState.SetNeuron(state, netuid, uid, new NeuronInfo(hotkey, now));
        WeightsState.SetLastUpdate(state, netuid, uid, now);
        NeuronState.SetRegistration(state, netuid, registration with
        {
            RegistrationsThisInterval = checked(registration.RegistrationsThisInterval + 1),
            Block = now,
            RegistrationsThisBlock = thisBlock + 1,
        });
        events.Add(new NeuronRegistered(netuid, uid, hotkey, coldkey, burn));
        return null;
    }
}
