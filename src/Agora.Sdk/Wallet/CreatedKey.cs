namespace Agora.Sdk.Wallet;

/// <summary>A freshly generated key: its mnemonic (shown to the user once, never stored) and its public info.</summary>
/// <param name="Mnemonic">The BIP39 phrase that regenerates the key.</param>
/// <param name="Info">The public key and encryption flag.</param>
public sealed record CreatedKey(string Mnemonic, KeyfileInfo Info);
