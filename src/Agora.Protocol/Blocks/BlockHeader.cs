using Agora.Core.Codec;
using Agora.Core.Crypto;
using Agora.Core.Primitives;

namespace Agora.Protocol.Blocks;

/// <summary>
/// A block header (DESIGN.md §5). The author's seal signs every other field; the block hash covers them all.
/// </summary>
public sealed record BlockHeader(
    ulong Number,
    Hash256 ParentHash,
    Hash256 StateRoot,
    Hash256 ExtrinsicsRoot,
    ulong TimestampMs,
    uint RuntimeVersion,
    AccountId Author)
{
    /// <summary>Bytes of an encoded header, seal included.</summary>
    public const int EncodedSize = 8 + 32 + 32 + 32 + 8 + 4 + 32 + Ed25519.SignatureSize;

    private static readonly byte[] NoSeal = new byte[Ed25519.SignatureSize];
    private byte[] _seal = NoSeal;

    /// <summary>The author's signature over <see cref="UnsealedBytes"/> (all zero for genesis).</summary>
    public ReadOnlySpan<byte> Seal => _seal;

    /// <summary>Blake2b-256 of the encoded header, seal included.</summary>
    public Hash256 Hash => Hash256.Of(Encode());

    /// <summary>This header sealed with <paramref name="author"/>'s key.</summary>
    public BlockHeader SealWith(KeyPair author)
    {
        if (author.Account != Author)
        {
            throw new ArgumentException("the sealing key is not the header's author", nameof(author));
        }

        return this with { _seal = author.Sign(UnsealedBytes()) };
    }

    /// <summary>True when the seal is the author's signature over the other fields.</summary>
    public bool VerifySeal() => Ed25519.Verify(Author, UnsealedBytes(), _seal);

    /// <summary>The fields the seal signs.</summary>
    public byte[] UnsealedBytes()
    {
        var writer = new CodecWriter(EncodedSize);
        WriteUnsealed(writer);
        return writer.ToArray();
    }

    /// <summary>Canonical encoding, seal included.</summary>
    public byte[] Encode()
    {
        var writer = new CodecWriter(EncodedSize);
        Encode(writer);
        return writer.ToArray();
    }

    /// <summary>Writes the canonical encoding.</summary>
    public void Encode(CodecWriter writer)
    {
        WriteUnsealed(writer);
        writer.Fixed(_seal);
    }

    /// <summary>Reads a header.</summary>
    public static BlockHeader Decode(ref CodecReader reader)
    {
        var header = new BlockHeader(
            reader.U64("header.number"),
            new Hash256(reader.Fixed(32, "header.parent_hash")),
            new Hash256(reader.Fixed(32, "header.state_root")),
            new Hash256(reader.Fixed(32, "header.extrinsics_root")),
            reader.U64("header.timestamp"),
            reader.U32("header.runtime_version"),
            new AccountId(reader.Fixed(AccountId.Size, "header.author")));
        return header with { _seal = reader.Fixed(Ed25519.SignatureSize, "header.seal").ToArray() };
    }

    /// <summary>Number and hash, for logs.</summary>
    public override string ToString() => $"#{Number} ({Hash})";

    private void WriteUnsealed(CodecWriter writer) =>
        writer.U64(Number).Fixed(ParentHash.Bytes).Fixed(StateRoot.Bytes).Fixed(ExtrinsicsRoot.Bytes)
            .U64(TimestampMs).U32(RuntimeVersion).Fixed(Author.Bytes);
}
