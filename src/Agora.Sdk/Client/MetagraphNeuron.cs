using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>One neuron of <c>agora_getMetagraph</c>; proportions are the node's exact decimals (rounded to <see cref="decimal"/> precision).</summary>
/// <param name="Uid">Its uid on the subnet.</param>
/// <param name="Hotkey">The hotkey that holds the uid.</param>
/// <param name="Coldkey">The hotkey's owner; null if it has none.</param>
/// <param name="Stake">The hotkey's stake on the subnet over every coldkey.</param>
/// <param name="Rank">Last epoch's rank.</param>
/// <param name="Trust">Last epoch's trust.</param>
/// <param name="Consensus">Last epoch's consensus weight.</param>
/// <param name="Incentive">Last epoch's incentive.</param>
/// <param name="Dividends">Last epoch's dividends.</param>
/// <param name="Emission">What the last epoch paid it.</param>
/// <param name="ValidatorTrust">Last epoch's validator trust.</param>
/// <param name="ValidatorPermit">Whether it holds a validator permit.</param>
/// <param name="Active">Whether its last update is within the subnet's activity cutoff of the block.</param>
/// <param name="LastUpdate">The block of its last weights (its registration block before any).</param>
/// <param name="BlockAtRegistration">The block it registered in.</param>
/// <param name="Axon">Where it serves; null when it has not served an axon.</param>
public sealed record MetagraphNeuron(
    ushort Uid,
    AccountId Hotkey,
    AccountId? Coldkey,
    Rao Stake,
    decimal Rank,
    decimal Trust,
    decimal Consensus,
    decimal Incentive,
    decimal Dividends,
    Rao Emission,
    decimal ValidatorTrust,
    bool ValidatorPermit,
    bool Active,
    ulong LastUpdate,
    ulong BlockAtRegistration,
    AxonEndpoint? Axon);
