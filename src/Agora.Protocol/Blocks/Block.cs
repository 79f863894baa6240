using Agora.Core.Codec;
using Agora.Protocol.Transactions;

namespace Agora.Protocol.Blocks;

/// <summary>A header and its transactions, in the order they were executed.</summary>
public sealed record Block(BlockHeader Header, IReadOnlyList<SignedTransaction> Transactions)
{
    /// <summary>Canonical encoding: header, count, then each transaction length-prefixed.</summary>
    public byte[] Encode()
    {
        var writer = new CodecWriter(BlockHeader.EncodedSize + 8 + Transactions.Sum(t => t.Encoded.Length + 3));
        Header.Encode(writer);
        writer.Length32(Transactions.Count);
        foreach (var transaction in Transactions)
        {
            writer.Bytes(transaction.Encoded);
        }

        return writer.ToArray();
    }

    /// <summary>
    /// Decodes a block of at most <paramref name="transactionCountMax"/> transactions of at most
    /// <paramref name="transactionBytesMax"/> bytes each (the chain's limits); rejects trailing bytes.
    /// </summary>
    public static Block Decode(ReadOnlySpan<byte> bytes, int transactionCountMax, int transactionBytesMax)
    {
        var reader = new CodecReader(bytes);
        var header = BlockHeader.Decode(ref reader);
        var count = reader.Length32("block.transaction_count", transactionCountMax);
        var transactions = new SignedTransaction[count];
        for (var i = 0; i < count; i++)
        {
            transactions[i] = SignedTransaction.Decode(reader.Bytes($"block.transactions[{i}]", transactionBytesMax), transactionBytesMax);
        }

        reader.End("block");
        return new Block(header, transactions);
    }
}
