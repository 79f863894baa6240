using Agora.Core.Crypto;
using Agora.Core.Primitives;

namespace Agora.Sdk.Wallet;

/// <summary>What a keyfile says in clear: the account and whether the seed is encrypted.</summary>
/// <param name="Account">The public key.</param>
/// <param name="IsEncrypted">True when a password is needed to sign.</param>
public sealed record KeyfileInfo(AccountId Account, bool IsEncrypted)
{
    /// <summary>The SS58 address.</summary>
    public string Ss58Address => Ss58.Encode(Account);

    /// <summary>The public key as <c>0x</c> hex.</summary>
    public string PublicKeyHex => HexFormat.Encode(Account.Bytes);
}
