using Agora.Core.Primitives;
using Agora.Protocol.Weights;

namespace Agora.Runtime.Tests.Weights;

/// <summary>The commitment encoding is a contract with clients in other languages (docs/weights.md): pinned here.</summary>
public sealed class WeightsCommitmentTests
{
    private static readonly AccountId Hotkey = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly ushort[] Uids = [0, 5, 7];
    private static readonly ushort[] Values = [65_535, 100, 0];
    private static readonly byte[] Salt = "agora-salt"u8.ToArray();

    [Fact]
    public void The_reference_commitment_has_a_pinned_encoding_and_hash()
    {
        var payload = WeightsCommitment.Payload(Hotkey, 3, Uids, Values, Salt, 42);
        var hash = WeightsCommitment.Hash(Hotkey, 3, Uids, Values, Salt, 42);

        Assert.Equal(
            "1061676f72612f776569676874732f7631" + "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20" + "0300"
            + "03000000" + "000005000700" + "03000000" + "ffff64000000" + "0a61676f72612d73616c74" + "2a00000000000000",
            Convert.ToHexStringLower(payload));
        Assert.Equal(Hash256.Parse("0xc93bbbb3f97494ac8db7fd035cefba5cbd43cdbe75b0e41c792d8f33552d9eae"), hash);
    }

    [Fact]
    public void Every_input_changes_the_hash()
    {
        var reference = WeightsCommitment.Hash(Hotkey, 3, Uids, Values, Salt, 42);
        Hash256[] variants =
        [
            WeightsCommitment.Hash(new AccountId(new byte[32]), 3, Uids, Values, Salt, 42),
            WeightsCommitment.Hash(Hotkey, 4, Uids, Values, Salt, 42),
            WeightsCommitment.Hash(Hotkey, 3, [0, 5, 8], Values, Salt, 42),
            WeightsCommitment.Hash(Hotkey, 3, Uids, [65_535, 101, 0], Salt, 42),
            WeightsCommitment.Hash(Hotkey, 3, Uids, Values, "agora-salu"u8, 42),
            WeightsCommitment.Hash(Hotkey, 3, Uids, Values, Salt, 43),
            WeightsCommitment.Hash(Hotkey, 3, [0, 5], [7, 65_535, 100, 0], Salt, 42),
        ];

        Assert.All(variants, variant => Assert.NotEqual(reference, variant));
        Assert.Equal(variants.Length, variants.Distinct().Count());
    }

    [Fact]
    public void A_salt_above_64_bytes_has_no_commitment()
    {
        var error = Assert.Throws<ArgumentException>(() => WeightsCommitment.Hash(Hotkey, 3, Uids, Values, new byte[65], 42));

        Assert.Contains("at most 64 bytes", error.Message, StringComparison.Ordinal);
        Assert.NotEqual(default, WeightsCommitment.Hash(Hotkey, 3, Uids, Values, new byte[64], 42));
    }
}
