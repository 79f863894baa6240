using Agora.Core.Crypto;
using Agora.Core.Primitives;
using CsCheck;

namespace Agora.Core.Tests.Crypto;

public sealed class Ss58Tests
{
    private const string _alice = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";

    [Fact]
    public void Any_account_round_trips_through_its_address()
    {
        Gen.Byte.Array[32].Sample(bytes =>
        {
            var account = new AccountId(bytes);

            var address = Ss58.Encode(account);

            Assert.Equal(account, Ss58.Decode(address));
            Assert.StartsWith("5", address, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_character_outside_base58_is_named()
    {
        Assert.False(Ss58.TryDecode(_alice[..10] + "0" + _alice[11..], out _, out var error));

        Assert.Contains("'0' is not a base58 character", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_address_fails_on_length()
    {
        Assert.False(Ss58.TryDecode(_alice[..^3], out _, out var error));

        Assert.Contains("an SS58 account address has 35", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_foreign_network_prefix_is_named()
    {
        // Polkadot (prefix 0) encoding of the same key, with a valid checksum for prefix 0.
        var account = Ss58.Decode(_alice);
        byte[] body = [0, .. account.Bytes];
        var checksum = Blake2b.Hash512([.. "SS58PRE"u8, .. body])[..2];
        var polkadot = Base58.Encode([.. body, .. checksum]);

        Assert.False(Ss58.TryDecode(polkadot, out _, out var error));

        Assert.Contains("network prefix 0, expected 42", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_character_fails_the_checksum()
    {
        var mistyped = _alice[..^1] + (_alice[^1] == 'u' ? 'v' : 'u');

        Assert.False(Ss58.TryDecode(mistyped, out _, out var error));

        Assert.Contains("bad checksum", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_throws_a_format_exception_with_the_same_message()
    {
        var error = Assert.Throws<FormatException>(() => Ss58.Decode("not an address"));

        Assert.Contains("base58", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Base58_keeps_leading_zero_bytes_as_ones()
    {
        Gen.Byte.Array[0, 40].Sample(bytes =>
        {
            byte[] padded = [0, 0, .. bytes];

            var text = Base58.Encode(padded);

            Assert.StartsWith("11", text, StringComparison.Ordinal);
            Assert.Equal(padded, Base58.Decode(text));
        });
    }
}
