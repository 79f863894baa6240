namespace Agora.Core.Crypto;

/// <summary>Why a mnemonic phrase was rejected.</summary>
public enum MnemonicError
{
    /// <summary>Not 12, 15, 18, 21 or 24 words.</summary>
    WrongWordCount = 1,

    /// <summary>A word is not in the BIP39 English word list.</summary>
    UnknownWord = 2,

    /// <summary>All words are known but the checksum in the last word does not match.</summary>
    BadChecksum = 3,
}
