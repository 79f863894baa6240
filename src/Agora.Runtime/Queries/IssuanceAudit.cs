using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Queries;

/// <summary>
/// Where every rao of total issuance is (DESIGN §4): free, staked and reserved balances, the global pending pool, each
/// subnet's pending emission and dust, and the carried dust. After every block these sum to total issuance.
/// </summary>
public sealed record IssuanceAudit(
    UInt128 Free, UInt128 Staked, UInt128 Reserved, UInt128 PendingEmission, UInt128 SubnetPending, UInt128 SubnetDust, UInt128 CarriedDust, ulong TotalIssuance)
{
    /// <summary>Everything held, in all its places.</summary>
    public UInt128 Held => Free + Staked + Reserved + PendingEmission + SubnetPending + SubnetDust + CarriedDust;

    /// <summary>Total issuance minus everything held: zero on a consistent state.</summary>
    public Int128 Gap => (Int128)TotalIssuance - (Int128)Held;

    /// <summary>Audits <paramref name="state"/> (O(accounts + subnets)).</summary>
    public static IssuanceAudit Of(IStateReader state)
    {
        ArgumentNullException.ThrowIfNull(state);
        UInt128 free = 0, staked = 0, reserved = 0, subnetPending = 0, subnetDust = 0;
        foreach (var entry in state.Iterate(StateKeys.AccountPrefix))
        {
            var account = AccountInfo.Decode(entry.Value);
            free += account.Free.Value;
            staked += account.Staked.Value;
            reserved += account.Reserved.Value;
        }

        foreach (var (_, economy) in SubnetState.Economies(state))
        {
            subnetPending += economy.PendingEmission.Value;
            subnetDust += economy.Dust.Value;
        }

        return new IssuanceAudit(free, staked, reserved, state.ReadU64(StateKeys.PendingEmission), subnetPending, subnetDust,
            state.ReadU64(StateKeys.CarriedDust), state.ReadU64(StateKeys.TotalIssuance));
    }
}
