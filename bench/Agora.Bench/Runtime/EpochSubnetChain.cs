using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Protocol.Blocks;
using Agora.Runtime.Execution;
using Agora.Runtime.Modules.Emission;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.State;
using Agora.Storage;
using Agora.Testing.Chains;
using Agora.Yuma;

namespace Agora.Bench.Runtime;

/// <summary>
/// A dev chain on the memory store (through the node's <see cref="ChainStore"/>) whose subnet 1 has
/// <see cref="NeuronCount"/> uids: the first <see cref="ValidatorCount"/> are validators (each staked by its owner and
/// two nominators, holding a permit) that weight every miner; the miners are unstaked. The state is written in block 1,
/// then empty blocks run three of the subnet's epochs, so bonds, permits and outputs are as a live subnet's. The timed
/// block is the subnet's next epoch block, executed over the committed state and never committed.
/// </summary>
internal sealed class EpochSubnetChain : IDisposable
{
    public const int NeuronCount = 256;
    public const int ValidatorCount = 64;
    public const ushort Netuid = 1;

    private readonly MemoryStore _store = new();
    private readonly ChainStore _chain;

    public EpochSubnetChain()
    {
        using var owner = DevChainSpec.DevKey("Dave");
        var dev = DevChainSpec.Create();
        _chain = ChainStore.OpenOrCreate(_store, StakedSubnets.Add(dev, 1, owner.Account));
        var tempo = SubnetState.HyperparametersOf(new StateOverlay(_chain.State), Netuid)!.Tempo;
        Commit(Seed(Context(1)));
        var epochs = 0;
        while (epochs < 3)
        {
            var context = Context(_chain.Best.Number + 1);
            epochs += EpochSchedule.IsEpochBlock(context.Number, Netuid, tempo) ? 1 : 0;
            Commit(new BlockBuilder(_chain.State, context).Finish());
        }

        EpochBlock = Context(EpochSchedule.NextEpochBlock(_chain.Best.Number + 1, Netuid, tempo));
        OtherBlock = Context(_chain.Best.Number + 1);
        if (OtherBlock.Number == EpochBlock.Number)
        {
            throw new InvalidOperationException("the block after the best must not be the epoch block");
        }

        // The engine's input exactly as the epoch block reads it (after that block's emission split).
        var scratch = new StateOverlay(_chain.State);
        new StakeWeightedEmission().OnInitialize(EpochBlock, scratch, []);
        var economy = SubnetState.Economy(scratch, Netuid);
        var emission = economy.PendingEmission + economy.Dust;
        Input = EpochInputs.Read(scratch, Netuid, EpochBlock.Number, SubnetState.HyperparametersOf(scratch, Netuid)!, (emission - EpochPayouts.OwnerCutOf(emission)).Value);
        if (Input.Weights.NonZeroCount != ValidatorCount * (NeuronCount - ValidatorCount) || Input.Bonds.NonZeroCount == 0)
        {
            throw new InvalidOperationException($"expected {ValidatorCount} validators weighting every miner and bonds, found {Input.Weights.NonZeroCount} weights, {Input.Bonds.NonZeroCount} bonds");
        }
    }

    /// <summary>The context of the subnet's next epoch block.</summary>
    public BlockContext EpochBlock { get; }

    /// <summary>The context of the next block, in which no epoch runs.</summary>
    public BlockContext OtherBlock { get; }

    /// <summary>The engine's input of the epoch block, read from the committed state.</summary>
    public EpochInput Input { get; }

    /// <summary>The subnet's hyperparameters.</summary>
    public SubnetHyperparameters Hyperparameters => SubnetState.HyperparametersOf(new StateOverlay(_chain.State), Netuid)!;

    /// <summary>The committed state the timed blocks run over.</summary>
    public IStateReader State => _chain.State;

    /// <summary>Executes <paramref name="context"/>'s block, empty, over the committed state without committing it.</summary>
    public BlockExecution Execute(BlockContext context) => new BlockBuilder(_chain.State, context).Finish();

    public void Dispose() => _store.Dispose();

    private BlockContext Context(ulong number) =>
        new(number, number * _chain.Spec.BlockTimeMs, _chain.Spec.Authority, _chain.GenesisHash, _chain.Parameters);

    private void Commit(BlockExecution execution)
    {
        using var alice = DevChainSpec.DevKey(DevChainSpec.AccountNames[0]);
        var number = _chain.Best.Number + 1;
        _chain.Commit(execution, root => new Block(
            new BlockHeader(number, _chain.Best.Hash, root, ExtrinsicsRoot.Empty, number * _chain.Spec.BlockTimeMs, Agora.Runtime.RuntimeVersion.Current, alice.Account).SealWith(alice),
            []));
    }

    /// <summary>Block 1 with the subnet's neurons, stakes, weights and permits written in (stake issued, so issuance stays whole).</summary>
    private BlockExecution Seed(BlockContext context)
    {
        var builder = new BlockBuilder(_chain.State, context);
        var state = builder.State;
        var random = new Random(20261203);
        var coldkeys = Enumerable.Range(0, 8).Select(i => Account(1, i)).ToArray();
        var issued = Rao.Zero;
        for (var uid = 0; uid < NeuronCount; uid++)
        {
            var hotkey = Account(2, uid);
            var owner = coldkeys[uid % coldkeys.Length];
            state.Set(StakingKeys.Hotkey(hotkey), new HotkeyInfo(owner, (ushort)random.Next(0, 11_797), 0, Rao.Zero).Encode());
            Agora.Runtime.Modules.Neurons.NeuronState.SetNeuron(state, Netuid, (ushort)uid, new NeuronInfo(hotkey, 0));
            WeightsState.SetLastUpdate(state, Netuid, (ushort)uid, context.Number);
            if (uid >= ValidatorCount)
            {
                continue;
            }

            foreach (var coldkey in new[] { owner, coldkeys[(uid + 1) % coldkeys.Length], coldkeys[(uid + 2) % coldkeys.Length] })
            {
                var stake = new Rao((ulong)random.NextInt64(1, 1_000 * (long)Rao.PerTao));
                StakeLedger.Credit(state, coldkey, hotkey, Netuid, stake, _chain.Parameters);
                issued += stake;
            }

            EpochState.SetOutputs(state, Netuid, (ushort)uid, NeuronOutputs.None with { ValidatorPermit = true });
            WeightsState.SetRow(state, Netuid, (ushort)uid, new SparseU16Row([.. Enumerable.Range(ValidatorCount, NeuronCount - ValidatorCount).Select(j => ((ushort)j, (ushort)random.Next(1, 65_536)))]));
        }

        Agora.Runtime.Modules.Neurons.NeuronState.SetCount(state, Netuid, NeuronCount);
        state.SetU64(StateKeys.TotalIssuance, state.GetU64(StateKeys.TotalIssuance) + issued.Value);
        return builder.Finish();
    }

    private static AccountId Account(int group, int index)
    {
        var bytes = new byte[AccountId.Size];
        bytes[0] = 0xBE;
        bytes[1] = (byte)group;
        bytes[2] = (byte)(index >> 8);
        bytes[3] = (byte)index;
        return new AccountId(bytes);
    }
}
