using Agora.Core.Codec;
using Agora.Core.Crypto;
using Agora.Core.Primitives;

namespace Agora.Protocol.Transactions;

/// <summary>
/// A signed transaction (DESIGN.md §4): format version, signature scheme, sender, nonce, era, tip, call and
/// the signature over those fields plus the genesis hash. Immutable; keeps its canonical bytes and hash.
/// </summary>
public sealed class SignedTransaction
{
    /// <summary>The format version this code writes and reads.</summary>
    public const byte FormatVersion = 1;

    /// <summary>Signature scheme tag for Ed25519.</summary>
    public const byte SchemeEd25519 = 0;

    /// <summary>Signature scheme tag for sr25519, reserved for later.</summary>
    public const byte SchemeSr25519 = 1;

    private const string SigningDomain = "agora/tx/v1";

    private readonly byte[] _signature;

    private SignedTransaction(TransactionBody body, byte[] signature, byte[] encoded)
    {
        Body = body;
        _signature = signature;
        Encoded = encoded;
        Hash = Hash256.Of(encoded);
    }

    /// <summary>The signed fields.</summary>
    public TransactionBody Body { get; }

    /// <summary>The 64-byte signature.</summary>
    public ReadOnlySpan<byte> Signature => _signature;

    /// <summary>The canonical encoding, as submitted and as stored in blocks.</summary>
    public byte[] Encoded { get; }

    /// <summary>Blake2b-256 of <see cref="Encoded"/>.</summary>
    public Hash256 Hash { get; }

    /// <summary>The sender account.</summary>
    public AccountId Sender => Body.Sender;

    /// <summary>Signs <paramref name="body"/> for the chain whose genesis is <paramref name="genesisHash"/>.</summary>
    public static SignedTransaction Sign(TransactionBody body, KeyPair signer, Hash256 genesisHash)
    {
        if (signer.Account != body.Sender)
        {
            throw new ArgumentException("the signer's key is not the transaction's sender", nameof(signer));
        }

        var signature = signer.Sign(SigningPayload(body, genesisHash));
        return new SignedTransaction(body, signature, Encode(body, signature));
    }

    /// <summary>
    /// Decodes a transaction, rejecting truncated, oversized or trailing input and unknown versions/calls.
    /// Does not check the signature (see <see cref="VerifySignature"/>).
    /// </summary>
    public static SignedTransaction Decode(ReadOnlySpan<byte> encoded, int bytesMax)
    {
        if (encoded.Length > bytesMax)
        {
            throw new CodecException($"transaction: {encoded.Length} bytes exceeds the limit of {bytesMax}");
        }

        var reader = new CodecReader(encoded);
        var version = reader.U8("transaction.version");
        if (version != FormatVersion)
        {
            throw new CodecException($"transaction.version: format {version} is not supported (this node reads {FormatVersion})");
        }

        var scheme = reader.U8("transaction.scheme");
        if (scheme != SchemeEd25519)
        {
            throw new CodecException(scheme == SchemeSr25519
                ? "transaction.scheme: sr25519 signatures are reserved and not yet accepted; sign with Ed25519"
                : $"transaction.scheme: unknown signature scheme {scheme}");
        }

        var sender = new AccountId(reader.Fixed(AccountId.Size, "transaction.sender"));
        var nonce = reader.U64("transaction.nonce");
        var era = new Era(reader.U64("transaction.era.birth"), reader.U32("transaction.era.period"));
        var tip = new Rao(reader.U64("transaction.tip"));
        var call = Call.Decode(ref reader);
        var signature = reader.Fixed(Ed25519.SignatureSize, "transaction.signature").ToArray();
        reader.End("transaction");
        return new SignedTransaction(new TransactionBody(sender, nonce, era, tip, call), signature, encoded.ToArray());
    }

    /// <summary>True when the signature verifies for the sender over this chain's payload.</summary>
    public bool VerifySignature(Hash256 genesisHash) =>
        Ed25519.Verify(Body.Sender, SigningPayload(Body, genesisHash), _signature);

    /// <summary>The bytes that are signed: a domain tag, the fields, and the genesis hash.</summary>
    public static byte[] SigningPayload(TransactionBody body, Hash256 genesisHash)
    {
        var writer = new CodecWriter();
        writer.Bytes(global::System.Text.Encoding.ASCII.GetBytes(SigningDomain));
        WriteFields(writer, body);
        writer.Fixed(genesisHash.Bytes);
        return writer.ToArray();
    }

    private static byte[] Encode(TransactionBody body, byte[] signature)
    {
        var writer = new CodecWriter();
        WriteFields(writer, body);
        writer.Fixed(signature);
        return writer.ToArray();
    }

    private static void WriteFields(CodecWriter writer, TransactionBody body)
    {
        writer.U8(FormatVersion).U8(SchemeEd25519).Fixed(body.Sender.Bytes).U64(body.Nonce)
            .U64(body.Era.BirthBlock).U32(body.Era.PeriodBlocks).U64(body.Tip.Value);
        body.Call.Encode(writer);
    }
}
