using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Sdk.Synapses;
using Agora.Sdk.Tests.Wallet;

namespace Agora.Sdk.Tests.Axon;

/// <summary>The signed message of the axon protocol, frozen by a golden vector (docs/axon.md shows the same one).</summary>
public sealed class SynapseMessageTests
{
    private const ulong Nonce = 1_764_590_400_000_000_000;
    private const string Name = "echo";
    private static readonly byte[] Body = """{"text":"hello"}"""u8.ToArray();

    [Fact]
    public void The_signed_message_and_signature_match_the_golden_vector()
    {
        using var alice = KeyPair.FromUri("//Alice");
        using var bob = KeyPair.FromUri("//Bob");
        var bodyHash = Hash256.Of(Body);

        var message = SynapseMessage.Encode(alice.Account, bob.Account, Nonce, Name, bodyHash);
        var headers = SynapseRequestSigner.Sign(alice, bob.Account, Nonce, Name, Body);

        Golden.Check("synapse-message-v1.txt", string.Join('\n',
            $"caller (//Alice)      {headers.Caller}",
            $"callee (//Bob)        {headers.Callee}",
            $"nonce                 {headers.Nonce}",
            $"name                  {Name}",
            $"body                  {System.Text.Encoding.UTF8.GetString(Body)}",
            $"agora-body-hash       {headers.BodyHash}",
            $"signed message        {HexFormat.Encode(message)}",
            $"agora-signature       {headers.Signature}",
            string.Empty));
        Assert.Equal(bodyHash.ToString(), headers.BodyHash);
        Assert.True(Ed25519.Verify(alice.Account, message, HexFormat.Decode(headers.Signature)));
    }

    [Fact]
    public void The_signed_message_is_the_length_prefixed_domain_then_caller_callee_nonce_name_and_body_hash()
    {
        using var alice = KeyPair.FromUri("//Alice");
        using var bob = KeyPair.FromUri("//Bob");
        var bodyHash = Hash256.Of(Body);

        var message = SynapseMessage.Encode(alice.Account, bob.Account, Nonce, Name, bodyHash);

        Assert.Equal(16, message[0]);
        Assert.Equal("agora/synapse/v1"u8.ToArray(), message[1..17]);
        Assert.Equal(alice.Account.Bytes.ToArray(), message[17..49]);
        Assert.Equal(bob.Account.Bytes.ToArray(), message[49..81]);
        Assert.Equal(Nonce, System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(message.AsSpan(81, 8)));
        Assert.Equal(Name.Length, message[89]);
        Assert.Equal("echo"u8.ToArray(), message[90..94]);
        Assert.Equal(bodyHash.Bytes.ToArray(), message[94..]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Echo")]
    [InlineData("a/b")]
    [InlineData("naïve")]
    public void A_synapse_name_outside_the_rules_is_rejected_naming_them(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new Synapse<string, string>(name));

        Assert.Contains("a-z, 0-9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_synapse_name_of_64_characters_is_accepted_and_65_is_not()
    {
        Assert.True(SynapseName.IsValid(new string('a', 64)));
        Assert.False(SynapseName.IsValid(new string('a', 65)));
    }
}
