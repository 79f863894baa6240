using Agora.Protocol.Transactions;
using Agora.Runtime.Modules;
using Agora.Runtime.Modules.Balances;
using Agora.Runtime.Modules.Emission;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Governance;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.Modules.Weights;

namespace Agora.Runtime.Execution;

/// <summary>
/// The rules of one runtime version: the per-block hooks in their fixed order, and the handler of every call the
/// version accepts. A rule change adds a version (STYLE rule 3); blocks carry theirs, so history replays as made.
/// </summary>
public sealed class RuntimeRules
{
    private static readonly RuntimeRules Genesis = new(RuntimeVersion.Genesis, [new UnconditionalMint()], [new TransferHandler()]);

    private static readonly RuntimeRules Economy = new(
        RuntimeVersion.Economy,
        [new StakeWeightedEmission(), new ProposalExpiry()],
        [
            new TransferHandler(), new AssociateHotkeyHandler(), new AddStakeHandler(), new RemoveStakeHandler(), new MoveStakeHandler(),
            new SetTakeHandler(), new ProposeSubnetHandler(), new VoteHandler(), new CancelProposalHandler(), new SetHyperparameterHandler(),
        ]);

    private static readonly RuntimeRules Neurons = new(
        RuntimeVersion.Neurons,
        [new StakeWeightedEmission(), new EpochRunner(), new ProposalExpiry(), new BurnAdjustment()],
        [
            new TransferHandler(), new AssociateHotkeyHandler(), new AddStakeHandler(), new RemoveStakeHandler(), new MoveStakeHandler(),
            new SetTakeHandler(), new ProposeSubnetHandler(), new VoteHandler(), new CancelProposalHandler(), new SetHyperparameterHandler(),
            new BurnedRegisterHandler(), new SwapHotkeyHandler(), new ServeAxonHandler(),
            new SetWeightsHandler(), new CommitWeightsHandler(), new RevealWeightsHandler(),
        ]);

    private readonly CallHandler?[] _handlers;

    private RuntimeRules(uint version, IReadOnlyList<IBlockHook> hooks, IReadOnlyList<CallHandler> handlers)
    {
        Version = version;
        Hooks = hooks;
        _handlers = new CallHandler?[byte.MaxValue + 1];
        foreach (var handler in handlers)
        {
            if (_handlers[(byte)handler.Tag] is not null)
            {
                throw new InvalidOperationException($"runtime {version} registers call {handler.Tag} twice");
            }

            _handlers[(byte)handler.Tag] = handler;
        }
    }

    /// <summary>The runtime version these rules define.</summary>
    public uint Version { get; }

    /// <summary>The per-block hooks, in the order they run.</summary>
    public IReadOnlyList<IBlockHook> Hooks { get; }

    /// <summary>The rules of <paramref name="version"/>; throws for a version this code does not know.</summary>
    public static RuntimeRules For(uint version) => version switch
    {
        RuntimeVersion.Genesis => Genesis,
        RuntimeVersion.Economy => Economy,
        RuntimeVersion.Neurons => Neurons,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "this node does not know the runtime version; upgrade the node"),
    };

    /// <summary>The handler of <paramref name="tag"/>, or null when this version does not accept the call.</summary>
    public CallHandler? Handler(CallTag tag) => _handlers[(byte)tag];
}
