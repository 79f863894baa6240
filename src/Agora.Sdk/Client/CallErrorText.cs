using System.Collections.Frozen;

namespace Agora.Sdk.Client;

/// <summary>
/// What each module error means, for people: a <c>call_failed</c> event carries only the module and error names,
/// so a client explains them from this table (the runtime's error enums, in words).
/// </summary>
public static class CallErrorText
{
    private static readonly FrozenDictionary<string, string> Meanings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["balances.insufficient_balance"] = "the sender's free balance does not cover the amount",
        ["balances.zero_amount"] = "the amount is zero",
        ["staking.hotkey_not_owned"] = "the hotkey has no owning coldkey; its coldkey must run `agora wallet associate-hotkey` first",
        ["staking.hotkey_owned_by_another"] = "another coldkey owns the hotkey",
        ["staking.already_owned"] = "the sender already owns the hotkey",
        ["staking.bad_proof_of_possession"] = "the hotkey's signature over the ownership payload does not verify (wrong hotkey secret or another chain)",
        ["staking.subnet_not_found"] = "no subnet has this netuid; see `agora subnets list`",
        ["staking.zero_amount"] = "the amount is zero",
        ["staking.insufficient_balance"] = "the coldkey's free balance does not cover the amount",
        ["staking.below_minimum_stake"] = "the position would end between zero and the minimum stake; move all of it or leave at least the minimum",
        ["staking.insufficient_stake"] = "the position holds less than the amount; see `agora stake list`",
        ["staking.not_hotkey_owner"] = "the sender does not own the hotkey",
        ["staking.take_above_max"] = "the take is above the chain's maximum (0.18)",
        ["staking.take_unchanged"] = "the take equals the current one",
        ["staking.take_raise_rate_limited"] = "the take was raised too recently; wait for the take change rate limit",
        ["staking.same_source_and_destination"] = "the move names the same hotkey and netuid on both sides",
        ["subnets.subnet_not_found"] = "no subnet has this netuid; see `agora subnets list`",
        ["subnets.root_has_no_hyperparameters"] = "the root subnet (netuid 0) has no hyperparameters",
        ["subnets.unknown_hyperparameter"] = "this runtime does not know the hyperparameter",
        ["subnets.value_out_of_bounds"] = "the value lies outside the hyperparameter's bounds",
        ["subnets.not_subnet_owner"] = "the sender is neither the subnet's owner nor (on a dev chain) the sudo key",
        ["subnets.not_owner_settable"] = "only sudo may set this hyperparameter",
        ["governance.invalid_name"] = "the subnet name must be 1–32 printable ASCII characters without leading or trailing spaces",
        ["governance.description_too_long"] = "the description is longer than 256 bytes",
        ["governance.owner_hotkey_not_owned"] = "the owner hotkey is neither the proposer nor a hotkey the proposer owns",
        ["governance.insufficient_balance_for_lock"] = "the proposer's free balance does not cover the lock cost; see `agora subnets lock-cost`",
        ["governance.too_many_pending_proposals"] = "the chain holds the most pending proposals it allows; wait for one to be decided",
        ["governance.launch_rate_limited"] = "a subnet launched too recently",
        ["governance.no_subnet_to_replace"] = "all subnet slots are taken and none is past its immunity",
        ["governance.proposal_not_found"] = "no proposal has this id; see `agora subnets proposals`",
        ["governance.proposal_not_pending"] = "the proposal is already decided, expired or cancelled",
        ["governance.not_in_senate"] = "the voting hotkey is not in the senate; see `agora senate list`",
        ["governance.not_proposer"] = "only the proposer may cancel the proposal",
        ["governance.invalid_override"] = "a hyperparameter override is unknown, repeated or out of bounds",
        ["governance.duplicate_vote"] = "the hotkey already cast this same vote",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What <paramref name="module"/>.<paramref name="error"/> means, or empty when not known here.</summary>
    public static string Describe(string module, string error) =>
        Meanings.TryGetValue($"{module}.{error}", out var meaning) ? meaning : string.Empty;
}
