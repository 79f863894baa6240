namespace Agora.Core.Crypto;

/// <summary>Why a secret URI was rejected.</summary>
public enum SecretUriError
{
    /// <summary>Nothing was given.</summary>
    Empty = 1,

    /// <summary>The URI is longer than <see cref="SecretUri.LengthMax"/>.</summary>
    TooLong = 2,

    /// <summary>The phrase is not a valid BIP39 mnemonic (see the inner <see cref="MnemonicException"/>).</summary>
    InvalidMnemonic = 3,

    /// <summary>A <c>0x</c> seed is not 64 hex digits.</summary>
    InvalidHexSeed = 4,

    /// <summary>A <c>///password</c> follows a hex seed, where it would have no effect.</summary>
    PasswordOnHexSeed = 5,

    /// <summary>A soft junction <c>/j</c>, which Ed25519 does not have.</summary>
    SoftJunction = 6,

    /// <summary>A junction is empty, too long, or a number beyond u64.</summary>
    InvalidJunction = 7,

    /// <summary>More junctions than <see cref="SecretUri.JunctionCountMax"/>.</summary>
    TooManyJunctions = 8,
}
