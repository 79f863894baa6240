using Agora.Core.FixedPoint;
using Agora.Core.Primitives;
using Agora.Protocol.Subnets;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.Modules.Weights;

namespace Agora.Runtime.Tests.Epochs;

/// <summary>
/// A seeded random subnet as the test knows it (the expected epoch is computed from this, not from state): neurons
/// with owners and takes, positions of owners and nominators, weights and bonds rows (some with entries past n),
/// previous outputs, last updates, registrations and hyperparameters. <see cref="WriteTo"/> puts it into state.
/// </summary>
internal sealed class RandomSubnet
{
    public const int ColdkeyGroup = 1;
    public const int HotkeyGroup = 2;

    public required int N { get; init; }

    public required ulong EpochBlock { get; init; }

    public required ulong? LastEpochBlock { get; init; }

    public required AccountId[] Hotkeys { get; init; }

    public required AccountId[] Owners { get; init; }

    public required ushort[] Takes { get; init; }

    public required ulong[] RegisteredAt { get; init; }

    public required ulong[] LastUpdate { get; init; }

    public required NeuronOutputs[] Previous { get; init; }

    /// <summary>Per uid: (coldkey, stake) positions on its hotkey, owners first.</summary>
    public required List<(AccountId Coldkey, Rao Stake)>[] Positions { get; init; }

    public required SparseU16Row[] Weights { get; init; }

    public required SparseU16Row[] Bonds { get; init; }

    public required (HyperparameterId Id, ulong Value)[] Hyperparameters { get; init; }

    public static RandomSubnet Create(int seed, ulong tempo, ushort netuid)
    {
        var random = new Random(seed);
        var n = random.Next(1, 40);
        var coldkeys = Enumerable.Range(0, 6).Select(i => EpochWorld.Account(ColdkeyGroup, i)).ToArray();
        var epochBlock = EpochSchedule.NextEpochBlock((ulong)random.Next(500, 2000), netuid, tempo);
        var owners = Enumerable.Range(0, n).Select(_ => coldkeys[random.Next(coldkeys.Length)]).ToArray();
        var positions = new List<(AccountId, Rao)>[n];
        for (var uid = 0; uid < n; uid++)
        {
            positions[uid] = [];
            if (random.Next(5) > 0)
            {
                positions[uid].Add((owners[uid], new Rao((ulong)random.NextInt64(1, 5_000 * (long)Rao.PerTao))));
            }

            foreach (var nominator in coldkeys.Where(c => c != owners[uid] && random.Next(3) == 0))
            {
                positions[uid].Add((nominator, new Rao((ulong)random.NextInt64(1, 2_000 * (long)Rao.PerTao))));
            }
        }

        var alphaLow = (ulong)random.Next(0, 65536);
        return new RandomSubnet
        {
            N = n,
            EpochBlock = epochBlock,
            LastEpochBlock = random.Next(3) == 0 ? null : epochBlock - tempo - 1,
            Hotkeys = Enumerable.Range(0, n).Select(uid => EpochWorld.Account(HotkeyGroup, uid)).ToArray(),
            Owners = owners,
            Takes = Enumerable.Range(0, n).Select(_ => (ushort)random.Next(0, 11_797)).ToArray(),
            RegisteredAt = Enumerable.Range(0, n).Select(_ => (ulong)random.NextInt64(0, (long)epochBlock)).ToArray(),
            LastUpdate = Enumerable.Range(0, n).Select(_ => (ulong)random.NextInt64((long)epochBlock - 400, (long)epochBlock)).ToArray(),
            Previous = Enumerable.Range(0, n).Select(_ => random.Next(4) == 0
                ? NeuronOutputs.None
                : NeuronOutputs.None with { Consensus = new I32F32(random.NextInt64(0, I32F32.One.Bits + 1)), ValidatorPermit = random.Next(2) == 0 }).ToArray(),
            Positions = positions,
            Weights = Enumerable.Range(0, n).Select(_ => random.Next(2) == 0 ? RandomRow(random, n) : SparseU16Row.Empty).ToArray(),
            Bonds = Enumerable.Range(0, n).Select(_ => random.Next(2) == 0 ? RandomRow(random, n) : SparseU16Row.Empty).ToArray(),
            Hyperparameters =
            [
                (HyperparameterId.Kappa, (ulong)random.Next(0, 65536)),
                (HyperparameterId.ActivityCutoff, (ulong)random.Next(100, 600)),
                (HyperparameterId.MaxAllowedValidators, (ulong)random.Next(1, n + 3)),
                (HyperparameterId.BondsMovingAverage, (ulong)random.Next(0, 1_000_001)),
                (HyperparameterId.BondsPenalty, (ulong)random.Next(0, 65536)),
                (HyperparameterId.Yuma3Enabled, (ulong)random.Next(2)),
                (HyperparameterId.LiquidAlphaEnabled, (ulong)random.Next(2)),
                (HyperparameterId.AlphaLow, alphaLow),
                (HyperparameterId.AlphaHigh, (ulong)random.Next((int)alphaLow, 65536)),
                (HyperparameterId.AlphaSigmoidSteepness, unchecked((ulong)(long)random.Next(short.MinValue, short.MaxValue + 1))),
                (HyperparameterId.LiquidAlphaConsensusMode, (ulong)random.Next(3)),
            ],
        };
    }

    /// <summary>A row over uids 0 … n + 3 (entries past n must be ignored), values 1 … 65535.</summary>
    private static SparseU16Row RandomRow(Random random, int n)
    {
        var entries = Enumerable.Range(0, n + 4).Where(_ => random.Next(3) == 0).Select(uid => ((ushort)uid, (ushort)random.Next(1, 65536)));
        return new SparseU16Row([.. entries]);
    }

    /// <summary>Writes this subnet into <paramref name="world"/>'s state through the modules' state APIs.</summary>
    public void WriteTo(EpochWorld world)
    {
        world.Write(state =>
        {
            var hyperparameters = world.Hyperparameters;
            foreach (var (id, value) in Hyperparameters)
            {
                hyperparameters = hyperparameters.With(id, value);
            }

            SubnetState.SetHyperparameters(state, world.Netuid, hyperparameters);
            if (LastEpochBlock is { } last)
            {
                EpochState.SetSubnet(state, world.Netuid, new SubnetEpochState(last));
            }

            for (var uid = 0; uid < N; uid++)
            {
                var id = (ushort)uid;
                EpochWorld.Own(state, Owners[uid], Hotkeys[uid], Takes[uid]);
                world.Register(state, id, Hotkeys[uid], RegisteredAt[uid]);
                WeightsState.SetLastUpdate(state, world.Netuid, id, LastUpdate[uid]);
                WeightsState.SetRow(state, world.Netuid, id, Weights[uid]);
                EpochState.SetBonds(state, world.Netuid, id, Bonds[uid]);
                if (Previous[uid] != NeuronOutputs.None)
                {
                    EpochState.SetOutputs(state, world.Netuid, id, Previous[uid]);
                }

                foreach (var (coldkey, stake) in Positions[uid])
                {
                    world.Stake(state, coldkey, Hotkeys[uid], stake);
                }
            }
        });
    }
}
