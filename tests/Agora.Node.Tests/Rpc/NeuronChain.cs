using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Node.Tests.Core;
using Agora.Protocol.Subnets;
using Agora.Runtime.Genesis;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Node.Tests.Rpc;

/// <summary>
/// A dev chain with two genesis subnets: netuid 1 ("alpha": max 8 uids, activity cutoff 100) with three neurons — uid 0
/// owned by Alice with 1,000 TAO, uid 1 owned by Bob with 500 TAO, uid 2 owned by Bob with no stake — and netuid 2
/// ("empty") with none. <see cref="Write"/> puts epoch outputs, weights, axons or commits straight into the node's state.
/// </summary>
internal static class NeuronChain
{
    public const ushort Netuid = 1;

    public const ushort EmptyNetuid = 2;

    public static readonly Rao[] Stakes = [Rao.FromTao(1_000), Rao.FromTao(500), Rao.Zero];

    public static ChainSpec Spec()
    {
        var spec = DevChainSpec.Create();
        using var alice = DevChainSpec.DevKey("Alice");
        using var bob = DevChainSpec.DevKey("Bob");
        var owners = new[] { alice.Account, bob.Account, bob.Account };
        var values = spec.Parameters.SubnetDefaults.With(HyperparameterId.MaxAllowedUids, 8).With(HyperparameterId.ActivityCutoff, 100);
        var alpha = new GenesisSubnet("alpha", alice.Account, alice.Account)
        {
            Hyperparameters = values,
            Neurons = [.. Enumerable.Range(0, 3).Select(i => new GenesisNeuron(Hotkey(i), owners[i], Stakes[i]))],
        };
        return spec with { Subnets = [alpha, new GenesisSubnet("empty", alice.Account, alice.Account)] };
    }

    /// <summary>The hotkey of uid <paramref name="uid"/> on netuid 1.</summary>
    public static AccountId Hotkey(int uid)
    {
        using var key = NodeFixture.FreshKey(0x4e, uid);
        return key.Account;
    }

    /// <summary>Applies <paramref name="write"/> to the node's best state (its tree too), as if a block had.</summary>
    public static void Write(ChainRpcNode node, Action<StateOverlay> write)
    {
        var overlay = new StateOverlay(node.Core.Chain.State);
        write(overlay);
        var batch = new WriteBatch();
        node.Core.Chain.State.Apply(overlay.Changes, batch);
        node.Store.Write(batch);
    }
}
