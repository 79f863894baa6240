using System.Collections.Immutable;
using Agora.Core.Primitives;
using Agora.Protocol.Epochs;
using Agora.Protocol.Events;
using Agora.Protocol.Subnets;
using Agora.Runtime.Modules.Emission;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.Queries;
using Agora.Runtime.State;
using Agora.Yuma;
using YumaNeuron = Agora.Yuma.NeuronState;

namespace Agora.Runtime.Tests.Epochs;

/// <summary>
/// The on-chain epoch equals <see cref="YumaEpoch.Run"/> on inputs the test builds from the data it wrote, and every
/// position is paid as DESIGN §4a says, for seeded random subnets.
/// </summary>
public sealed class EpochDifferentialTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_epoch_block_stores_what_Yuma_computes_and_pays_every_position_as_the_design_says(int seed)
    {
        // Given a random subnet written straight into state
        using var world = EpochWorld.Create();
        var tempo = world.Hyperparameters.Tempo;
        var subnet = RandomSubnet.Create(seed, tempo, world.Netuid);
        subnet.WriteTo(world);
        var before = new StateOverlay(world.Chain.State);
        var ownerFreeBefore = before.GetAccount(world.Owner).Free;
        var positionsBefore = AllPositions(before, world.Netuid);

        // and the emission the block's split will hand the epoch (the emission hook, run on a scratch overlay)
        var scratch = new StateOverlay(world.Chain.State);
        new StakeWeightedEmission().OnInitialize(world.Context(subnet.EpochBlock), scratch, new List<RuntimeEvent>());
        var economy = SubnetState.Economy(scratch, world.Netuid);
        var emission = economy.PendingEmission.Value + economy.Dust.Value;
        Assert.True(emission > 0, "the subnet has stake, so its epoch has emission to pay");
        var ownerCut = (ulong)((UInt128)emission * 11_796 / 65_535);

        // When the epoch block executes
        var execution = world.RunBlock(subnet.EpochBlock);

        // Then the stored outputs, bonds and permits equal the engine's on the test's own input
        var expected = YumaEpoch.Run(ExpectedInput(subnet, tempo, emission - ownerCut));
        var after = new StateOverlay(world.Chain.State);
        for (var uid = 0; uid < subnet.N; uid++)
        {
            var id = (ushort)uid;
            var stored = EpochState.Outputs(after, world.Netuid, id);
            Assert.Equal(
                new NeuronOutputs(expected.Rank[uid], expected.Trust[uid], expected.Consensus[uid], expected.Incentive[uid], expected.Dividends[uid],
                    expected.ValidatorTrust[uid], new Rao(expected.Emission[uid]), expected.ValidatorPermit[uid], 0),
                stored);
            Assert.Equal(RowOf(expected.Bonds, uid), EpochState.Bonds(after, world.Netuid, id).Entries.ToArray());
        }

        Assert.Equal(new SubnetEpochState(subnet.EpochBlock), EpochState.Subnet(after, world.Netuid));

        // and every position got exactly its §4a payout, the owner its cut, the subnet the remainders as dust
        var (credits, validatorPaid, takes, remainder) = ExpectedPayouts(subnet, expected);
        foreach (var (position, stake) in positionsBefore.Concat(credits.Keys.Where(k => !positionsBefore.ContainsKey(k)).Select(k => KeyValuePair.Create(k, Rao.Zero))))
        {
            var credit = credits.GetValueOrDefault(position);
            Assert.Equal(stake.Value + credit, StakingState.Position(after, position.Coldkey, position.Hotkey, world.Netuid).Value);
        }

        Assert.Equal(ownerFreeBefore.Value + ownerCut, after.GetAccount(world.Owner).Free.Value);
        var dust = expected.Dust + remainder;
        Assert.Equal(new SubnetEconomy(SubnetState.Economy(after, world.Netuid).TotalStake, economy.EmaStake, Rao.Zero, new Rao(dust)), SubnetState.Economy(after, world.Netuid));
        var run = Assert.Single(world.EpochRuns(execution));
        var minerTotal = expected.MinerEmission.Aggregate(0UL, (sum, m) => sum + m);
        Assert.Equal(new EpochRun(world.Netuid, subnet.EpochBlock, new Rao(emission), new Rao(ownerCut), new Rao(minerTotal), new Rao(validatorPaid), new Rao(takes), new Rao(dust)), run);
        Assert.Equal(emission, ownerCut + minerTotal + validatorPaid + dust);
        Assert.Equal(0, IssuanceAudit.Of(world.Chain.State).Gap);
    }

    private static EpochInput ExpectedInput(RandomSubnet subnet, ulong tempo, ulong emission)
    {
        ulong Value(HyperparameterId id) => subnet.Hyperparameters.Single(h => h.Id == id).Value;
        var neurons = Enumerable.Range(0, subnet.N).Select(uid => new YumaNeuron(
            subnet.Positions[uid].Aggregate(0UL, (sum, p) => sum + p.Stake.Value), subnet.LastUpdate[uid], subnet.RegisteredAt[uid], subnet.Previous[uid].ValidatorPermit));
        return new EpochInput
        {
            CurrentBlock = subnet.EpochBlock,
            LastEpochBlock = subnet.LastEpochBlock,
            Emission = emission,
            Parameters = new YumaParameters
            {
                Tempo = tempo,
                ActivityCutoff = Value(HyperparameterId.ActivityCutoff),
                Kappa = (ushort)Value(HyperparameterId.Kappa),
                BondsPenalty = (ushort)Value(HyperparameterId.BondsPenalty),
                BondsMovingAverage = Value(HyperparameterId.BondsMovingAverage),
                MaxAllowedValidators = (ushort)Value(HyperparameterId.MaxAllowedValidators),
                Yuma3Enabled = Value(HyperparameterId.Yuma3Enabled) == 1,
                LiquidAlphaEnabled = Value(HyperparameterId.LiquidAlphaEnabled) == 1,
                LiquidAlphaConsensusMode = (LiquidAlphaConsensusMode)Value(HyperparameterId.LiquidAlphaConsensusMode),
                AlphaLow = (ushort)Value(HyperparameterId.AlphaLow),
                AlphaHigh = (ushort)Value(HyperparameterId.AlphaHigh),
                AlphaSigmoidSteepness = unchecked((short)Value(HyperparameterId.AlphaSigmoidSteepness)),
            },
            Neurons = [.. neurons],
            Weights = Dense(subnet.Weights, subnet.N),
            Bonds = Dense(subnet.Bonds, subnet.N),
            PreviousConsensus = [.. subnet.Previous.Select(p => EpochOutput.StoredProportion(p.Consensus))],
        };
    }

    private static SparseU16Matrix Dense(SparseU16Row[] rows, int n) =>
        SparseU16Matrix.FromDense([.. rows.Select(row => (IReadOnlyList<ushort>)[.. Enumerable.Range(0, n).Select(uid => row[(ushort)uid])])]);

    private static (ushort, ushort)[] RowOf(SparseU16Matrix matrix, int row)
    {
        var columns = matrix.RowColumns(row).ToArray();
        var values = matrix.RowValues(row).ToArray();
        return [.. columns.Select((c, k) => ((ushort)c, values[k]))];
    }

    /// <summary>§4a, from the test's own records: credits per position, Σ validator rao credited, Σ take, Σ remainders.</summary>
    private static (Dictionary<(AccountId Coldkey, AccountId Hotkey), ulong> Credits, ulong ValidatorPaid, ulong Takes, ulong Remainder) ExpectedPayouts(RandomSubnet subnet, EpochOutput output)
    {
        var credits = new Dictionary<(AccountId, AccountId), ulong>();
        void Add(AccountId coldkey, AccountId hotkey, ulong amount) => credits[(coldkey, hotkey)] = credits.GetValueOrDefault((coldkey, hotkey)) + amount;
        ulong validatorPaid = 0, takes = 0, remainder = 0;
        for (var uid = 0; uid < subnet.N; uid++)
        {
            var (hotkey, owner) = (subnet.Hotkeys[uid], subnet.Owners[uid]);
            Add(owner, hotkey, output.MinerEmission[uid]);
            var validator = output.ValidatorEmission[uid];
            var take = (ulong)((UInt128)validator * subnet.Takes[uid] / 65_535);
            Add(owner, hotkey, take);
            takes += take;
            validatorPaid += take;
            var rest = validator - take;
            var total = subnet.Positions[uid].Aggregate(UInt128.Zero, (sum, p) => sum + p.Stake.Value);
            if (total == 0)
            {
                Add(owner, hotkey, rest);
                validatorPaid += rest;
                continue;
            }

            ulong shared = 0;
            foreach (var (coldkey, stake) in subnet.Positions[uid])
            {
                var share = (ulong)(rest * (UInt128)stake.Value / total);
                Add(coldkey, hotkey, share);
                shared += share;
            }

            validatorPaid += shared;
            remainder += rest - shared;
        }

        return (credits, validatorPaid, takes, remainder);
    }

    private static Dictionary<(AccountId Coldkey, AccountId Hotkey), Rao> AllPositions(StateOverlay state, ushort netuid) =>
        StakingState.PositionsOn(state, netuid).ToDictionary(p => (p.Coldkey, p.Hotkey), p => p.Stake);
}
