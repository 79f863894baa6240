using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;
using Agora.Protocol.Neurons;
using Agora.Protocol.Staking;
using Agora.Protocol.Transactions;
using Agora.Runtime.Execution;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Modules.Neurons;

/// <summary>
/// Executes <see cref="SwapHotkeyCall"/>: burns the chain's swap burn (it leaves total issuance) and moves everything
/// of the old hotkey to the new one: ownership with take and total stake, every registration (each uid keeps its
/// number, weights, bonds and axon; the indexes move; pending commits are dropped, since their hashes bind the old hotkey
/// and so could never match a reveal by the new one), and every stake position of every
/// nominator on every subnet, through <see cref="StakeLedger"/> so each total and the senate-candidate entry follow.
/// </summary>
public sealed class SwapHotkeyHandler : CallHandler<SwapHotkeyCall>
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.SwapHotkey;

    /// <inheritdoc />
    public override ModuleId Module => ModuleId.Neurons;

    /// <inheritdoc />
    protected override CallError? CheckStateless(SwapHotkeyCall call, AccountId sender, BlockContext context)
    {
        if (call.OldHotkey == call.NewHotkey)
        {
            return NeuronsError.SameHotkey.Because($"old and new hotkey are both {call.OldHotkey}; name a fresh hotkey");
        }

        return call.NewHotkey == sender || HotkeyProof.Verify(call.NewHotkey, sender, context.GenesisHash, call.Proof.Span)
            ? null
            : NeuronsError.BadProofOfPossession.Because(
                $"the proof is not the new hotkey {call.NewHotkey}'s signature over ({HotkeyProof.Domain}, {sender}, this chain's genesis); sign it with the new hotkey's secret");
    }

    /// <inheritdoc />
    protected override Rao PayerSpendMax(SwapHotkeyCall call, AccountId sender, IStateReader state, BlockContext context) => context.Parameters.SwapHotkeyBurn;

    /// <inheritdoc />
    protected override CallError? Execute(SwapHotkeyCall call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        var (coldkey, oldHotkey, newHotkey) = (context.Sender, call.OldHotkey, call.NewHotkey);
        var parameters = context.Block.Parameters;
        var oldInfo = StakingState.Hotkey(state, oldHotkey);
        if (oldInfo is null || oldInfo.Owner != coldkey)
        {
            return NeuronsError.NotHotkeyOwner.Because(oldInfo is null
                ? $"no coldkey owns hotkey {oldHotkey}; there is nothing to swap"
                : $"hotkey {oldHotkey} is owned by {oldInfo.Owner}, not by {coldkey}");
        }

        if (StakingState.Hotkey(state, newHotkey) is { } newInfo)
        {
            return NeuronsError.NewHotkeyOwned.Because($"hotkey {newHotkey} is owned by {newInfo.Owner} already; swap to a fresh hotkey");
        }

        var burn = parameters.SwapHotkeyBurn;
        var account = state.GetAccount(coldkey);
        if (account.Free < burn)
        {
            return NeuronsError.InsufficientBalance.Because($"{coldkey} has {account.Free.ToTaoString()} TAO free after the fee but a swap burns {burn.ToTaoString()} TAO");
        }

        state.SetAccount(coldkey, account with { Free = account.Free - burn });
        state.SetU64(StateKeys.TotalIssuance, (new Rao(state.GetU64(StateKeys.TotalIssuance)) - burn).Value);

        // The new record starts with no stake; the ledger pairs below carry the total (and the senate entry) over.
        state.Set(StakingKeys.Hotkey(newHotkey), (oldInfo with { TotalStake = Rao.Zero }).Encode());
        MoveStake(state, oldHotkey, newHotkey, parameters);
        MoveRegistrations(state, oldHotkey, newHotkey);
        var emptied = StakingState.Hotkey(state, oldHotkey)!;
        if (emptied.TotalStake != Rao.Zero)
        {
            throw new InvalidOperationException($"hotkey {oldHotkey} kept {emptied.TotalStake} of total stake that no position holds");
        }

        state.Delete(StakingKeys.Hotkey(oldHotkey));
        events.Add(new HotkeySwapped(coldkey, oldHotkey, newHotkey, burn));
        return null;
    }

    private static void MoveStake(StateOverlay state, AccountId oldHotkey, AccountId newHotkey, ChainParameters parameters)
    {
        foreach (var (netuid, _) in StakingState.SubnetsOf(state, oldHotkey).ToArray())
        {
            foreach (var (nominator, stake) in StakingState.NominatorsOn(state, netuid, oldHotkey).ToArray())
            {
                StakeLedger.Debit(state, nominator, oldHotkey, netuid, stake, parameters);
                StakeLedger.Credit(state, nominator, newHotkey, netuid, stake, parameters);
            }
        }
    }

    private static void MoveRegistrations(StateOverlay state, AccountId oldHotkey, AccountId newHotkey)
    {
        foreach (var (netuid, uid) in NeuronState.RegistrationsOf(state, oldHotkey).ToArray())
        {
            var neuron = NeuronState.Neuron(state, netuid, uid)
                ?? throw new InvalidOperationException($"hotkey {oldHotkey} is indexed at uid {uid} of subnet {netuid}, which holds no neuron");
            NeuronState.RemoveHotkeyIndexes(state, netuid, oldHotkey);
            NeuronState.SetNeuron(state, netuid, uid, neuron with { Hotkey = newHotkey });
            WeightsState.SetCommits(state, netuid, oldHotkey, PendingCommits.None);
        }
    }
}
