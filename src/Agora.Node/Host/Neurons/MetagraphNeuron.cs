using Agora.Core.Primitives;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Neurons;

namespace Agora.Node.Host.Neurons;

/// <summary>
/// One uid of a metagraph as read from state: who holds it, the owner coldkey (null if the hotkey has no owner), its
/// stake on the subnet over every coldkey, its last epoch's outputs, its last weights block and its axon (null when none).
/// </summary>
internal sealed record MetagraphNeuron(
    ushort Uid,
    NeuronInfo Info,
    AccountId? Coldkey,
    Rao Stake,
    NeuronOutputs Outputs,
    ulong LastUpdate,
    bool Active,
    AxonInfo? Axon);
