using Agora.Core.Primitives;
using Agora.Protocol.Epochs;
using Agora.Protocol.Subnets;
using Agora.Runtime.Execution;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.State;
using Agora.Runtime.Tests.Economy;

namespace Agora.Runtime.Tests.Epochs;

/// <summary>
/// A dev chain with one launched subnet (owner: key 0) whose neurons, stakes, weights, bonds and previous outputs
/// tests write directly through the state APIs, as registration, staking and weights would have left them.
/// </summary>
internal sealed class EpochWorld : IDisposable
{
    private EpochWorld(TestChain chain, ushort netuid)
    {
        Chain = chain;
        Netuid = netuid;
    }

    public TestChain Chain { get; }

    public ushort Netuid { get; }

    /// <summary>The subnet owner's coldkey (key 0, the proposer).</summary>
    public AccountId Owner => Chain.Keys[0].Account;

    public static EpochWorld Create(ChainParameters? parameters = null)
    {
        var chain = EconomyChain.Create(parameters);
        return new EpochWorld(chain, EconomyChain.Launch(chain, "epochs"));
    }

    /// <summary>A deterministic account that no test key holds.</summary>
    public static AccountId Account(int group, int index)
    {
        var bytes = new byte[AccountId.Size];
        bytes[0] = 0xE7;
        bytes[1] = (byte)group;
        bytes[2] = (byte)(index >> 8);
        bytes[3] = (byte)index;
        return new AccountId(bytes);
    }

    public SubnetHyperparameters Hyperparameters => SubnetState.HyperparametersOf(new StateOverlay(Chain.State), Netuid)!;

    /// <summary>Writes into the committed state as if a block had.</summary>
    public void Write(Action<StateOverlay> write)
    {
        var overlay = new StateOverlay(Chain.State);
        write(overlay);
        Chain.State.Apply(overlay.Changes);
    }

    public void SetHyperparameter(HyperparameterId id, ulong value) =>
        Write(state => SubnetState.SetHyperparameters(state, Netuid, Hyperparameters.With(id, value)));

    /// <summary>Binds <paramref name="hotkey"/> to <paramref name="coldkey"/> with <paramref name="take"/>.</summary>
    public static void Own(StateOverlay state, AccountId coldkey, AccountId hotkey, ushort take) =>
        state.Set(StakingKeys.Hotkey(hotkey), new HotkeyInfo(coldkey, take, 0, Rao.Zero).Encode());

    /// <summary>Stakes <paramref name="amount"/> of newly issued rao on (coldkey, hotkey, subnet), so issuance stays whole.</summary>
    public void Stake(StateOverlay state, AccountId coldkey, AccountId hotkey, Rao amount)
    {
        StakeLedger.Credit(state, coldkey, hotkey, Netuid, amount, Chain.Parameters);
        state.SetU64(StateKeys.TotalIssuance, state.GetU64(StateKeys.TotalIssuance) + amount.Value);
    }

    /// <summary>Gives <paramref name="uid"/> to <paramref name="hotkey"/>, as registration does (count grows to cover it).</summary>
    public void Register(StateOverlay state, ushort uid, AccountId hotkey, ulong block)
    {
        NeuronState.SetNeuron(state, Netuid, uid, new NeuronInfo(hotkey, block));
        if (NeuronState.Count(state, Netuid) <= uid)
        {
            NeuronState.SetCount(state, Netuid, (ushort)(uid + 1));
        }

        WeightsState.SetLastUpdate(state, Netuid, uid, block);
    }

    /// <summary>The context of block <paramref name="number"/> on this chain.</summary>
    public BlockContext Context(ulong number) => new(number, number * 1000, Chain.Author.Account, TestChain.Genesis, Chain.Parameters);

    /// <summary>Executes an empty block <paramref name="number"/> over the committed state and commits it.</summary>
    public BlockExecution RunBlock(ulong number)
    {
        var execution = new BlockBuilder(Chain.State, Context(number)).Finish();
        Chain.State.Apply(execution.Changes);
        return execution;
    }

    /// <summary>The epoch runs of this subnet among <paramref name="execution"/>'s events.</summary>
    public EpochRun[] EpochRuns(BlockExecution execution) =>
        execution.Events.Select(e => e.Event).OfType<EpochRun>().Where(e => e.Netuid == Netuid).ToArray();


    public void Dispose() => Chain.Dispose();
}
