using System.Buffers.Binary;
using Agora.Core.Primitives;
using Agora.Protocol.Subnets;
using Agora.Runtime.Genesis;

namespace Agora.Testing.Chains;

/// <summary>
/// Adds subnets full of genesis neurons to a chain spec, for the metagraph benchmark and tests: subnet i gets
/// <c>neuronCounts[i]</c> neurons (its <c>max_allowed_uids</c> raised to fit), each a distinct fixed hotkey owned by
/// <c>owner</c> with (uid + 1) TAO of stake, paid from an extra genesis balance of the owner.
/// </summary>
public static class NeuronSubnets
{
    /// <summary><paramref name="spec"/> with one subnet per entry of <paramref name="neuronCounts"/> after its own.</summary>
    public static ChainSpec Add(ChainSpec spec, IReadOnlyList<int> neuronCounts, AccountId owner)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(neuronCounts);
        var subnets = new List<GenesisSubnet>();
        var total = Rao.Zero;
        for (var i = 0; i < neuronCounts.Count; i++)
        {
            var netuid = (ushort)(spec.Subnets.Count + i + 1);
            var count = neuronCounts[i];
            var values = spec.Parameters.SubnetDefaults;
            if ((ulong)count > values.MaxAllowedUids)
            {
                values = values.With(HyperparameterId.MaxAllowedUids, (ulong)count);
            }

            var neurons = Enumerable.Range(0, count).Select(uid => new GenesisNeuron(Hotkey(netuid, (ushort)uid), owner, Stake((ushort)uid))).ToArray();
            total = neurons.Aggregate(total, (sum, n) => sum + n.Stake);
            subnets.Add(new GenesisSubnet($"neurons-{netuid}", owner, owner) { Hyperparameters = values, Neurons = neurons });
        }

        return spec with
        {
            Name = $"{spec.Name} ({string.Join("+", neuronCounts)} genesis neurons)",
            Balances = [.. spec.Balances, new GenesisBalance(owner, total)],
            Parameters = spec.Parameters with { SubnetCountMax = Math.Max(spec.Parameters.SubnetCountMax, spec.Subnets.Count + neuronCounts.Count) },
            Subnets = [.. spec.Subnets, .. subnets],
        };
    }

    /// <summary>The stake of uid <paramref name="uid"/>: (uid + 1) TAO.</summary>
    public static Rao Stake(ushort uid) => Rao.FromTao((ulong)uid + 1);

    /// <summary>The hotkey of (<paramref name="netuid"/>, <paramref name="uid"/>): fixed bytes, no key pair (genesis needs no signature).</summary>
    public static AccountId Hotkey(ushort netuid, ushort uid)
    {
        Span<byte> bytes = stackalloc byte[AccountId.Size];
        "agora-neuron-hotkey"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[28..], netuid);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[30..], uid);
        return new AccountId(bytes);
    }
}
