using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;
using Agora.Protocol.Staking;
using Agora.Protocol.Subnets;
using Agora.Protocol.System;
using Agora.Protocol.Transactions;
using Agora.Protocol.Weights;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.State;
using Agora.Runtime.Tests.Economy;

namespace Agora.Runtime.Tests.Weights;

/// <summary>
/// A launched dev subnet whose neurons are written straight into state (hotkeys <c>Key(50 + uid)</c>, all owned by
/// key 3), as registration would leave them: neuron record, indexes, count, last update = the registration block.
/// Permits and hyperparameters are written directly too; a permitted hotkey gets stake so that epochs keep its permit.
/// </summary>
internal sealed class WeightsSubnet : IDisposable
{
    private readonly List<KeyPair> _hotkeys = [];
    private readonly List<KeyPair> _unregistered = [];

    private WeightsSubnet(TestChain chain, ushort netuid)
    {
        Chain = chain;
        Netuid = netuid;
    }

    public TestChain Chain { get; }

    public ushort Netuid { get; }

    /// <summary>The coldkey that owns every hotkey and so pays their fees.</summary>
    public KeyPair Owner => Chain.Keys[3];

    /// <summary>The registered hotkeys by uid.</summary>
    public IReadOnlyList<KeyPair> Hotkeys => _hotkeys;

    /// <summary>The subnet's tempo.</summary>
    public ulong Tempo => SubnetState.HyperparametersOf(Chain.State, Netuid)!.Tempo;

    /// <summary>A subnet with <paramref name="neurons"/> registered uids and commit-reveal as asked.</summary>
    public static WeightsSubnet Create(int neurons = 4, bool commitReveal = false)
    {
        var chain = EconomyChain.Create();
        var subnet = new WeightsSubnet(chain, EconomyChain.Launch(chain, "alpha"));
        for (var i = 0; i < neurons; i++)
        {
            subnet.Register(subnet.NewOwnedHotkey());
        }

        subnet.Set(HyperparameterId.CommitRevealEnabled, commitReveal ? 1UL : 0UL);
        return subnet;
    }

    /// <summary>A fresh hotkey associated with <see cref="Owner"/> but not registered.</summary>
    public KeyPair NewOwnedHotkey()
    {
        var hotkey = TestChain.Key(50 + _hotkeys.Count + _unregistered.Count);
        Chain.Run(Owner, new AssociateHotkeyCall(hotkey.Account, HotkeyProof.Sign(hotkey, Owner.Account, TestChain.Genesis)));
        _unregistered.Add(hotkey);
        return hotkey;
    }

    /// <summary>Gives <paramref name="hotkey"/> the next uid, registered at the current best block.</summary>
    public ushort Register(KeyPair hotkey)
    {
        var uid = (ushort)_hotkeys.Count;
        Write(state =>
        {
            NeuronState.SetNeuron(state, Netuid, uid, new NeuronInfo(hotkey.Account, Chain.BestNumber));
            NeuronState.SetCount(state, Netuid, (ushort)(uid + 1));
            WeightsState.SetLastUpdate(state, Netuid, uid, Chain.BestNumber);
        });
        _unregistered.Remove(hotkey);
        _hotkeys.Add(hotkey);
        return uid;
    }

    /// <summary>Sets a hyperparameter as sudo or the owner would.</summary>
    public void Set(HyperparameterId id, ulong value) =>
        Write(state => SubnetState.SetHyperparameters(state, Netuid, SubnetState.HyperparametersOf(state, Netuid)!.With(id, value)));

    /// <summary>
    /// Gives or takes <paramref name="uid"/>'s validator permit, as an epoch would. A given permit comes with 1 TAO of the
    /// owner's stake on the hotkey, so the subnet's next epochs keep it (they grant permits by stake).
    /// </summary>
    public void Permit(ushort uid, bool permit = true) =>
        Write(state =>
        {
            EpochState.SetOutputs(state, Netuid, uid, NeuronOutputs.None with { ValidatorPermit = permit });
            var hotkey = _hotkeys[uid].Account;
            if (permit && StakingState.HotkeyStakeOn(state, hotkey, Netuid) == Rao.Zero)
            {
                var stake = Rao.FromTao(1);
                var owner = state.GetAccount(Owner.Account);
                state.SetAccount(Owner.Account, owner with { Free = owner.Free - stake });
                StakeLedger.Credit(state, Owner.Account, hotkey, Netuid, stake, Chain.Parameters);
            }
        });

    /// <summary>Runs <paramref name="call"/> signed by uid <paramref name="uid"/>'s hotkey; it must succeed.</summary>
    public IReadOnlyList<RuntimeEvent> Run(int uid, Call call)
    {
        var events = Chain.Run(_hotkeys[uid], call);
        Assert.DoesNotContain(events, e => e is CallFailed);
        return events;
    }

    /// <summary>Asserts <paramref name="call"/> by <paramref name="signer"/> is included, fails with <paramref name="error"/> and changes only fee and nonce.</summary>
    public CallFailed Fails(KeyPair signer, Call call, WeightsError error) =>
        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(Chain, signer, call, ModuleId.Weights, (ushort)error, Owner.Account);

    /// <summary>Asserts <paramref name="call"/> is refused before inclusion by its stateless check with <paramref name="error"/>.</summary>
    public void Refused(KeyPair signer, Call call, WeightsError error)
    {
        var before = Chain.Account(Owner.Account);
        var (execution, results) = Chain.Produce(Chain.Sign(signer, call));
        Assert.Equal((TxError.InvalidCall, ModuleId.Weights, (ushort)error), (results[0]!.Error, results[0]!.CallError!.Module, results[0]!.CallError!.Code));
        Assert.Empty(execution.Transactions);
        Assert.Equal(before, Chain.Account(Owner.Account));
    }

    /// <summary>Produces empty blocks so that the next block is <paramref name="number"/>.</summary>
    public void NextBlockIs(ulong number)
    {
        Assert.True(Chain.BestNumber < number, $"block {number} is already past (best {Chain.BestNumber})");
        Chain.AdvanceTo(number - 1);
    }

    public void Write(Action<StateOverlay> write)
    {
        var overlay = new StateOverlay(Chain.State);
        write(overlay);
        Chain.State.Apply(overlay.Changes);
    }

    public void Dispose()
    {
        foreach (var hotkey in _hotkeys.Concat(_unregistered))
        {
            hotkey.Dispose();
        }

        Chain.Dispose();
    }
}
