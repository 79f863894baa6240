using Agora.Protocol.Neurons;

namespace Agora.Runtime.Modules.Neurons;

/// <summary>One replacement of a subnet's history: the block it happened in and the event that explained it.</summary>
public sealed record DeregistrationEntry(ulong Block, NeuronReplaced Replaced);
