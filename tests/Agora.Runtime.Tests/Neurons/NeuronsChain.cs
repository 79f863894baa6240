using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Neurons;
using Agora.Protocol.Staking;
using Agora.Protocol.Subnets;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.State;
using Agora.Runtime.Tests.Economy;

namespace Agora.Runtime.Tests.Neurons;

/// <summary>Neurons helpers over an <see cref="EconomyChain"/>: registrations with proofs, direct state edits for set-ups.</summary>
internal static class NeuronsChain
{
    /// <summary>The coldkey that registers in these tests (key 3 of <see cref="EconomyChain.Create"/>).</summary>
    public static KeyPair Coldkey(TestChain chain) => chain.Keys[3];

    /// <summary>A fresh hotkey, numbered from 50.</summary>
    public static KeyPair Hotkey(int index) => TestChain.Key(50 + index);

    /// <summary><paramref name="hotkey"/>'s proof of possession for <paramref name="coldkey"/> on the test chain.</summary>
    public static byte[] Proof(KeyPair hotkey, AccountId coldkey) => HotkeyProof.Sign(hotkey, coldkey, TestChain.Genesis);

    /// <summary>The registration call of <paramref name="hotkey"/> by <paramref name="coldkey"/>.</summary>
    public static BurnedRegisterCall RegisterCall(KeyPair coldkey, KeyPair hotkey, ushort netuid) =>
        new(netuid, hotkey.Account, Proof(hotkey, coldkey.Account));

    /// <summary>Registers <paramref name="hotkey"/> on <paramref name="netuid"/> in its own block; returns the uid.</summary>
    public static ushort Register(TestChain chain, KeyPair coldkey, KeyPair hotkey, ushort netuid) =>
        chain.Run(coldkey, RegisterCall(coldkey, hotkey, netuid)).OfType<NeuronRegistered>().Single().Uid;

    /// <summary>Applies <paramref name="edit"/> to the chain's state directly (a set-up the calls under test do not make).</summary>
    public static void Edit(TestChain chain, Action<StateOverlay> edit)
    {
        var overlay = new StateOverlay(chain.State);
        edit(overlay);
        chain.State.Apply(overlay.Changes);
    }

    /// <summary>Gives (<paramref name="netuid"/>, <paramref name="uid"/>) a last epoch that paid <paramref name="emission"/>.</summary>
    public static void SetEmission(TestChain chain, ushort netuid, ushort uid, Rao emission) =>
        Edit(chain, state => EpochState.SetOutputs(state, netuid, uid, NeuronOutputs.None with { Emission = emission }));

    /// <summary>Changes hyperparameter <paramref name="id"/> of <paramref name="netuid"/> in state (as sudo could on a dev chain).</summary>
    public static void SetHyperparameter(TestChain chain, ushort netuid, HyperparameterId id, ulong value) =>
        Edit(chain, state => SubnetState.SetHyperparameters(state, netuid, SubnetState.HyperparametersOf(state, netuid)!.With(id, value)));

    /// <summary>The events of the block phase (hooks) of <paramref name="events"/>.</summary>
    public static IEnumerable<RuntimeEvent> BlockEvents(IReadOnlyList<EventRecord> events) =>
        events.Where(e => e.TransactionIndex is null).Select(e => e.Event);

    /// <summary>Total issuance now.</summary>
    public static Rao Issuance(TestChain chain) => new(chain.Read(StateKeys.TotalIssuance));
}
