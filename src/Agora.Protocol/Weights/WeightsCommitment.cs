using System.Text;
using Agora.Core.Codec;
using Agora.Core.Primitives;

namespace Agora.Protocol.Weights;

/// <summary>
/// The hash a validator commits before revealing its weights (DESIGN §4a commit-reveal): Blake2b-256 of the
/// LEB128-length-prefixed ASCII <c>agora/weights/v1</c> ‖ hotkey (32 bytes) ‖ netuid (u16 LE) ‖ uid count (u32 LE) ‖
/// uids (u16 LE each) ‖ weight count (u32 LE) ‖ weights (u16 LE each) ‖ LEB128-length-prefixed salt (at most
/// <see cref="SaltBytesMax"/> bytes) ‖ version key (u64 LE). Binding the hotkey and netuid means a commit cannot be
/// replayed by another validator or on another subnet; the salt keeps equal weights from giving equal hashes.
/// docs/weights.md gives the same encoding for clients in other languages.
/// </summary>
public static class WeightsCommitment
{
    /// <summary>The hashing domain.</summary>
    public const string Domain = "agora/weights/v1";

    /// <summary>Longest salt a commitment takes.</summary>
    public const int SaltBytesMax = 64;

    /// <summary>The bytes the commitment hashes; throws for a salt above <see cref="SaltBytesMax"/> bytes.</summary>
    public static byte[] Payload(AccountId hotkey, ushort netuid, ReadOnlySpan<ushort> uids, ReadOnlySpan<ushort> weights, ReadOnlySpan<byte> salt, ulong versionKey)
    {
        if (salt.Length > SaltBytesMax)
        {
            throw new ArgumentException($"a salt has at most {SaltBytesMax} bytes, got {salt.Length}", nameof(salt));
        }

        var writer = new CodecWriter(64 + (2 * (uids.Length + weights.Length)) + salt.Length)
            .Bytes(Encoding.ASCII.GetBytes(Domain)).Fixed(hotkey.Bytes).U16(netuid);
        WriteList(writer, uids);
        WriteList(writer, weights);
        return writer.Bytes(salt).U64(versionKey).ToArray();
    }

    /// <summary>The commitment of (<paramref name="hotkey"/>, <paramref name="netuid"/>, uids, weights, salt, version key).</summary>
    public static Hash256 Hash(AccountId hotkey, ushort netuid, ReadOnlySpan<ushort> uids, ReadOnlySpan<ushort> weights, ReadOnlySpan<byte> salt, ulong versionKey) =>
        Hash256.Of(Payload(hotkey, netuid, uids, weights, salt, versionKey));

    private static void WriteList(CodecWriter writer, ReadOnlySpan<ushort> values)
    {
        writer.U32((uint)values.Length);
        foreach (var value in values)
        {
            writer.U16(value);
        }
    }
}
