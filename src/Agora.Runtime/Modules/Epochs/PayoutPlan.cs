using System.Collections.Immutable;
using Agora.Core.Primitives;
using Agora.Runtime.Modules.Staking;

namespace Agora.Runtime.Modules.Epochs;

/// <summary>
/// How an epoch's Yuma emission becomes stake (DESIGN §4a), computed before anything is written: the credits, one per
/// position (a hotkey owner's miner emission, take and own share summed into one), and the totals.
/// </summary>
/// <param name="Credits">Non-zero credits, by uid, then the owner before the other nominators in key order.</param>
/// <param name="MinerTotal">Σ miner emission, all paid.</param>
/// <param name="ValidatorTotal">Σ validator emission actually credited (takes included; rounding remainders are not).</param>
/// <param name="TakeTotal">Σ take.</param>
/// <param name="Remainder">What the floors of the nominators' shares left over (carried as dust).</param>
public sealed record PayoutPlan(ImmutableArray<StakeCredit> Credits, Rao MinerTotal, Rao ValidatorTotal, Rao TakeTotal, Rao Remainder)
{
    /// <summary>The subnet's stake as the plan read it (positions and paid hotkeys), for crediting without reading it again.</summary>
    public SubnetStakeSnapshot? Stake { get; init; }
}
