using System.Text;
using Agora.Core.Codec;
using Agora.Core.Crypto;
using Agora.Core.Primitives;

namespace Agora.Protocol.Staking;

/// <summary>
/// A hotkey's proof that it consents to be owned by a coldkey (DESIGN §4a): its Ed25519 signature over the
/// LEB128-length-prefixed ASCII <c>agora/hotkey/v1</c> ‖ coldkey (32 bytes) ‖ genesis hash (32 bytes). Nobody can
/// claim a hotkey whose secret they do not hold, and a proof for one chain is useless on another.
/// </summary>
public static class HotkeyProof
{
    /// <summary>The signing domain.</summary>
    public const string Domain = "agora/hotkey/v1";

    /// <summary>The bytes the hotkey signs.</summary>
    public static byte[] Payload(AccountId coldkey, Hash256 genesisHash) =>
        new CodecWriter(96).Bytes(Encoding.ASCII.GetBytes(Domain)).Fixed(coldkey.Bytes).Fixed(genesisHash.Bytes).ToArray();

    /// <summary><paramref name="hotkey"/>'s proof for <paramref name="coldkey"/>.</summary>
    public static byte[] Sign(KeyPair hotkey, AccountId coldkey, Hash256 genesisHash)
    {
        ArgumentNullException.ThrowIfNull(hotkey);
        return hotkey.Sign(Payload(coldkey, genesisHash));
    }

    /// <summary>True when <paramref name="proof"/> is <paramref name="hotkey"/>'s signature for <paramref name="coldkey"/>.</summary>
    public static bool Verify(AccountId hotkey, AccountId coldkey, Hash256 genesisHash, ReadOnlySpan<byte> proof) =>
        Ed25519.Verify(hotkey, Payload(coldkey, genesisHash), proof);
}
