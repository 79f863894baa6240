namespace Agora.Sdk.Wallet;

/// <summary>The JSON shape of <c>coldkeypub.txt</c>: the coldkey's public half, readable without a password.</summary>
internal sealed class PublicKeyDocument
{
    public string? Format { get; set; }

    public int Version { get; set; }

    public string? KeyType { get; set; }

    public string? PublicKey { get; set; }

    public string? Ss58Address { get; set; }
}
