namespace Agora.Sdk.Wallet;

/// <summary>Why a keyfile could not be read (a wrong password is a <see cref="WrongPasswordException"/> instead).</summary>
public enum KeyfileError
{
    /// <summary>Not JSON, a field missing or of the wrong shape.</summary>
    Malformed = 1,

    /// <summary>A format version this build does not know.</summary>
    UnsupportedVersion = 2,

    /// <summary>The checksum or the public key does not match the contents: the file was modified or corrupted.</summary>
    Tampered = 3,

    /// <summary>The file is larger than <see cref="Keyfile.FileBytesMax"/>.</summary>
    TooLarge = 4,

    /// <summary>
    /// A wallet's <c>coldkeypub.txt</c> names another key than its coldkey file: one of them was replaced, so
    /// the address shown and the key that signs would differ.
    /// </summary>
    ColdkeyPubMismatch = 5,
}
