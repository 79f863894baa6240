namespace Agora.Sdk.Wallet;

/// <summary>The <c>kdf</c> object of an encrypted keyfile.</summary>
internal sealed class KeyfileKdfDocument
{
    public string? Algorithm { get; set; }

    public int MemoryKib { get; set; }

    public int Iterations { get; set; }

    public int Parallelism { get; set; }

    public string? Salt { get; set; }
}
