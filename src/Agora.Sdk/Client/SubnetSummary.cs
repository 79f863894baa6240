using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>One subnet as <c>agora_getSubnets</c> lists it; amounts in rao.</summary>
/// <param name="Netuid">The subnet's id; 0 is root (governance stake only).</param>
/// <param name="Name">Its name.</param>
/// <param name="Owner">The owner coldkey.</param>
/// <param name="OwnerHotkey">The owner hotkey.</param>
/// <param name="EmissionShare">Its share of block emission: its stake EMA over the sum over netuids ≥ 1 (0 for root).</param>
/// <param name="TotalStake">Stake on it now.</param>
/// <param name="EmaStake">Its stake EMA, which steers emission.</param>
/// <param name="PendingEmission">Emission waiting for its next epoch.</param>
/// <param name="Lock">The lock its launch holds.</param>
/// <param name="RegisteredAt">Its launch block.</param>
/// <param name="Tempo">Blocks between epochs minus one; null for root.</param>
/// <param name="BlocksSinceEpoch">Blocks since its last epoch block; null for root.</param>
/// <param name="Neurons">Registered neurons.</param>
/// <param name="MaxNeurons">Most neurons (max_allowed_uids); null for root.</param>
public sealed record SubnetSummary(
    ushort Netuid,
    string Name,
    AccountId Owner,
    AccountId OwnerHotkey,
    decimal EmissionShare,
    Rao TotalStake,
    Rao EmaStake,
    Rao PendingEmission,
    Rao Lock,
    ulong RegisteredAt,
    ulong? Tempo,
    ulong? BlocksSinceEpoch,
    int Neurons,
    ulong? MaxNeurons)
{
    /// <summary>
    /// Stake flowing in (positive) or out (negative) that emission has not yet followed: stake now minus its EMA,
    /// in rao. It shrinks by half every EMA half-life once stake stops moving.
    /// </summary>
    public long NetFlow => (long)TotalStake.Value - (long)EmaStake.Value;
}
