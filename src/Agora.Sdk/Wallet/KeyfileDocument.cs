namespace Agora.Sdk.Wallet;

/// <summary>The JSON shape of a keyfile (snake_case). Frozen: a golden test reads a version-1 file.</summary>
internal sealed class KeyfileDocument
{
    public string? Format { get; set; }

    public int Version { get; set; }

    public string? KeyType { get; set; }

    public string? PublicKey { get; set; }

    public string? Ss58Address { get; set; }

    public bool Encrypted { get; set; }

    public KeyfileKdfDocument? Kdf { get; set; }

    public KeyfileCipherDocument? Cipher { get; set; }

    public string? Seed { get; set; }

    public string? Checksum { get; set; }
}
