using Agora.Core.Crypto;
using Agora.Core.Primitives;

namespace Agora.EndToEnd.Tests.Harness;

/// <summary>The dev chain's funded accounts and keys derived the way the CLI derives <c>--uri</c>.</summary>
internal static class DevAccounts
{
    /// <summary>What every dev account holds at genesis.</summary>
    public static readonly Rao GenesisBalance = Rao.FromTao(1_000_000);

    /// <summary>The account of <paramref name="uri"/> (e.g. <c>//Bob</c>).</summary>
    public static AccountId Account(string uri)
    {
        using var key = KeyPair.FromUri(uri);
        return key.Account;
    }

    /// <summary>The SS58 address of <paramref name="uri"/>.</summary>
    public static string Address(string uri) => Account(uri).ToString();
}
