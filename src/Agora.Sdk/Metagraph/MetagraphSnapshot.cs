using System.Collections.Immutable;
using Agora.Core.Primitives;
using Agora.Sdk.Client;

namespace Agora.Sdk.Metagraph;

/// <summary>
/// A subnet's metagraph at one block as typed vectors indexed by uid (0 … <see cref="Count"/> − 1), with the
/// short names of the reference SDK (<see cref="S"/>, <see cref="R"/>, <see cref="T"/>, <see cref="C"/>,
/// <see cref="I"/>, <see cref="D"/>, <see cref="E"/>, <see cref="VT"/>, <see cref="W"/>, <see cref="B"/>) and the
/// lookups a validator needs. Immutable; <see cref="SubnetMetagraph"/> syncs one and diffs it against the next.
/// Proportions are the node's exact decimals (rounded to <see cref="decimal"/> precision).
/// </summary>
public sealed partial class MetagraphSnapshot
{
    private readonly Dictionary<AccountId, ushort> _uidByHotkey;

    private MetagraphSnapshot(Client.Metagraph metagraph, MetagraphMatrix? weights, MetagraphMatrix? bonds)
    {
        var neurons = metagraph.Neurons;
        Netuid = metagraph.Netuid;
        Block = metagraph.Block;
        Hotkeys = [.. neurons.Select(n => n.Hotkey)];
        Coldkeys = [.. neurons.Select(n => n.Coldkey)];
        Stake = [.. neurons.Select(n => n.Stake)];
        Rank = [.. neurons.Select(n => n.Rank)];
        Trust = [.. neurons.Select(n => n.Trust)];
        Consensus = [.. neurons.Select(n => n.Consensus)];
        Incentive = [.. neurons.Select(n => n.Incentive)];
        Dividends = [.. neurons.Select(n => n.Dividends)];
        Emission = [.. neurons.Select(n => n.Emission)];
        ValidatorTrust = [.. neurons.Select(n => n.ValidatorTrust)];
        ValidatorPermit = [.. neurons.Select(n => n.ValidatorPermit)];
        Active = [.. neurons.Select(n => n.Active)];
        LastUpdate = [.. neurons.Select(n => n.LastUpdate)];
        BlockAtRegistration = [.. neurons.Select(n => n.BlockAtRegistration)];
        Axons = [.. neurons.Select(n => n.Axon)];
        Weights = weights;
        Bonds = bonds;
        _uidByHotkey = new Dictionary<AccountId, ushort>(neurons.Count);
        foreach (var neuron in neurons)
        {
            _uidByHotkey[neuron.Hotkey] = neuron.Uid;
        }
    }

    /// <summary>The subnet.</summary>
    public ushort Netuid { get; }

    /// <summary>The block whose state this is.</summary>
    public ulong Block { get; }

    /// <summary>n: how many uids the subnet has; every vector has this length.</summary>
    public int Count => Hotkeys.Length;

    /// <summary>The hotkey holding each uid.</summary>
    public ImmutableArray<AccountId> Hotkeys { get; }

    /// <summary>Each hotkey's owner; null where a hotkey has none.</summary>
    public ImmutableArray<AccountId?> Coldkeys { get; }

    /// <summary>Each hotkey's stake on the subnet, over every coldkey.</summary>
    public ImmutableArray<Rao> Stake { get; }

    /// <summary>Last epoch's rank.</summary>
    public ImmutableArray<decimal> Rank { get; }

    /// <summary>Last epoch's trust.</summary>
    public ImmutableArray<decimal> Trust { get; }

    /// <summary>Last epoch's consensus weight.</summary>
    public ImmutableArray<decimal> Consensus { get; }

    /// <summary>Last epoch's incentive.</summary>
    public ImmutableArray<decimal> Incentive { get; }

    /// <summary>Last epoch's dividends.</summary>
    public ImmutableArray<decimal> Dividends { get; }

    /// <summary>What the last epoch paid each uid.</summary>
    public ImmutableArray<Rao> Emission { get; }

    /// <summary>Last epoch's validator trust.</summary>
    public ImmutableArray<decimal> ValidatorTrust { get; }

    /// <summary>Whether each uid holds a validator permit.</summary>
    public ImmutableArray<bool> ValidatorPermit { get; }

    /// <summary>Whether each uid's last update is within the subnet's activity cutoff of <see cref="Block"/>.</summary>
    public ImmutableArray<bool> Active { get; }

    /// <summary>The block of each uid's last weights (its registration block before any).</summary>
    public ImmutableArray<ulong> LastUpdate { get; }

    /// <summary>The block each uid registered in.</summary>
    public ImmutableArray<ulong> BlockAtRegistration { get; }

    /// <summary>Where each uid serves; null where it has not served an axon.</summary>
    public ImmutableArray<AxonEndpoint?> Axons { get; }

    /// <summary>The weights at <see cref="Block"/>, when the sync asked for them; otherwise null.</summary>
    public MetagraphMatrix? Weights { get; }

    /// <summary>The bonds at <see cref="Block"/>, when the sync asked for them; otherwise null.</summary>
    public MetagraphMatrix? Bonds { get; }

    /// <summary>
    /// The snapshot of <paramref name="metagraph"/> (an <c>agora_getMetagraph</c> result) with optional
    /// <paramref name="weights"/> and <paramref name="bonds"/> of the same block. Throws
    /// <see cref="RpcProtocolException"/> when uids are not 0 … n − 1 in order or the matrices are of another block.
    /// </summary>
    public static MetagraphSnapshot From(Client.Metagraph metagraph, SparseMatrix? weights = null, SparseMatrix? bonds = null)
    {
        ArgumentNullException.ThrowIfNull(metagraph);
        for (var i = 0; i < metagraph.Neurons.Count; i++)
        {
            if (metagraph.Neurons[i].Uid != i)
            {
                throw new RpcProtocolException(
                    $"the metagraph of subnet {metagraph.Netuid} at block {metagraph.Block} lists uid {metagraph.Neurons[i].Uid} at position {i}; expected uids 0 … n − 1 in order — are the node and the client the same version?");
            }
        }

        return new MetagraphSnapshot(metagraph, Matrix(metagraph, weights, "weights"), Matrix(metagraph, bonds, "bonds"));
    }

    private static MetagraphMatrix? Matrix(Client.Metagraph metagraph, SparseMatrix? rows, string what)
    {
        if (rows is null)
        {
            return null;
        }

        if (rows.Netuid != metagraph.Netuid || rows.Block != metagraph.Block)
        {
            throw new ArgumentException(
                $"the {what} are of subnet {rows.Netuid} at block {rows.Block}, the metagraph of subnet {metagraph.Netuid} at block {metagraph.Block}; read both at one block",
                what);
        }

        return MetagraphMatrix.From(rows, metagraph.Neurons.Count);
    }
}
