using Agora.Core.Primitives;
using Agora.Sdk.Client;

namespace Agora.Sdk.Metagraph;

/// <summary>A uid that serves an axon: where a dendrite reaches it, and the hotkey it answers as.</summary>
/// <param name="Uid">Its uid.</param>
/// <param name="Hotkey">The hotkey that holds the uid (the axon's callee key).</param>
/// <param name="Axon">Its endpoint.</param>
public sealed record ServingAxon(ushort Uid, AccountId Hotkey, AxonEndpoint Axon);
