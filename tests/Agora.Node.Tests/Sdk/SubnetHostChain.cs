using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Node.Tests.Rpc;
using Agora.Protocol.Subnets;
using Agora.Runtime.Genesis;

namespace Agora.Node.Tests.Sdk;

/// <summary>
/// A dev chain whose subnet 1 has a validator (uid 0, //SubnetValidator, 1,000 TAO from Alice) and two miners
/// (uid 1 //HonestMiner and uid 2 //WrongMiner, no stake; or any miners), with commit-reveal on or off.
/// </summary>
internal static class SubnetHostChain
{
    public const ushort Netuid = 1;

    public const string ValidatorUri = "//SubnetValidator";

    public const string HonestUri = "//HonestMiner";

    public const string WrongUri = "//WrongMiner";

    public static ChainSpec Spec(bool commitReveal) => Spec(commitReveal, HonestUri, WrongUri);

    /// <summary>The subnet with the validator at uid 0 and <paramref name="minerUris"/> at uids 1, 2, ….</summary>
    public static ChainSpec Spec(bool commitReveal, params string[] minerUris)
    {
        var spec = DevChainSpec.Create();
        using var alice = DevChainSpec.DevKey("Alice");
        using var bob = DevChainSpec.DevKey("Bob");
        var values = spec.Parameters.SubnetDefaults.With(HyperparameterId.CommitRevealEnabled, commitReveal ? 1UL : 0UL);
        var subnet = new GenesisSubnet("doubling", alice.Account, alice.Account)
        {
            Hyperparameters = values,
            Neurons =
            [
                new GenesisNeuron(Account(ValidatorUri), alice.Account, Rao.FromTao(1_000)),
                .. minerUris.Select(uri => new GenesisNeuron(Account(uri), bob.Account, Rao.Zero)),
            ],
        };
        return spec with { Subnets = [subnet] };
    }

    public static AccountId Account(string uri)
    {
        using var key = KeyPair.FromUri(uri);
        return key.Account;
    }

    /// <summary>Produces blocks until the subnet's epoch has given uid 0 a validator permit.</summary>
    public static async Task RunUntilValidatorPermitAsync(ChainRpcNode node)
    {
        for (var block = 0; block < 200; block++)
        {
            var metagraph = await node.Client.GetMetagraphAsync(Netuid);
            if (metagraph.Neurons[0].ValidatorPermit)
            {
                return;
            }

            node.Core.ProduceBlock();
        }

        Assert.Fail("no epoch gave the validator a permit within 200 blocks");
    }
}
