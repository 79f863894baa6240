namespace Agora.Sdk.Wallet;

/// <summary>The <c>cipher</c> object of an encrypted keyfile; the ciphertext carries the 16-byte tag.</summary>
internal sealed class KeyfileCipherDocument
{
    public string? Algorithm { get; set; }

    public string? Nonce { get; set; }

    public string? Ciphertext { get; set; }
}
