using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Runtime;
using Agora.Runtime.Genesis;
using Agora.Runtime.Modules.Subnets;

namespace Agora.Node.Core;

/// <summary>
/// The development chain: //Alice … //Ferdie funded, //Alice the authority and sudo key, fast blocks.
/// </summary>
public static class DevChainSpec
{
    /// <summary>The dev accounts' names, in genesis order.</summary>
    public static readonly IReadOnlyList<string> AccountNames = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"];

    /// <summary>Free balance of each dev account at genesis.</summary>
    public static readonly Rao AccountBalance = Rao.FromTao(1_000_000);

    /// <summary>How many dev accounts (//Alice, //Bob, //Charlie) stake on root at genesis, each as its own hotkey: the senate.</summary>
    public const int SenateCount = 3;

    /// <summary>What each senate account stakes on root at genesis, out of its balance.</summary>
    public static readonly Rao SenateStake = Rao.FromTao(100_000);

    /// <summary>Block time of the dev chain unless told otherwise.</summary>
    public const ulong BlockTimeMsDefault = 1000;

    /// <summary>The dev chain spec with <paramref name="blockTimeMs"/> blocks.</summary>
    public static ChainSpec Create(ulong blockTimeMs = BlockTimeMsDefault)
    {
        var accounts = AccountNames.Select(DevAccount).ToArray();
        return new ChainSpec(
            Name: "Agora Development",
            Id: "agora_dev",
            IsDevelopment: true,
            BlockTimeMs: blockTimeMs,
            GenesisTimestampMs: 0,
            Authority: accounts[0],
            Sudo: accounts[0],
            Balances: accounts.Select(a => new GenesisBalance(a, AccountBalance)).ToArray(),
            Parameters: ChainParameters.Development)
        {
            Stakes = accounts.Take(SenateCount).Select(a => new GenesisStake(a, a, SubnetState.RootNetuid, SenateStake)).ToArray(),
        };
    }

    /// <summary>The key pair of dev account <paramref name="name"/> (<c>//Name</c> on the dev phrase).</summary>
    public static KeyPair DevKey(string name) => SecretUri.Parse("//" + name).ToKeyPair();

    /// <summary>
    /// The key pair of the dev account that is <paramref name="account"/>, or null when it is none of
    /// <see cref="AccountNames"/>: how a node started from a chain spec file finds its authority key.
    /// </summary>
    public static KeyPair? DevKeyOf(AccountId account) =>
        AccountNames.FirstOrDefault(name => DevAccount(name) == account) is { } found ? DevKey(found) : null;

    private static AccountId DevAccount(string name)
    {
        using var key = DevKey(name);
        return key.Account;
    }
}
