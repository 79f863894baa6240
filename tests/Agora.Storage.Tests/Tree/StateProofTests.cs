using Agora.Core.Primitives;
using Agora.Storage.Tests.Support;
using Agora.Storage.Tree;
using CsCheck;

namespace Agora.Storage.Tests.Tree;

public sealed class StateProofTests
{
    [Fact]
    public void Proofs_of_present_and_absent_keys_verify_against_the_root()
    {
        Gen.Select(Generators.State, Generators.Key).Sample((entries, probe) =>
        {
            using var model = new StateModel();
            var root = model.Commit([.. entries.Select(static e => new StateChange(e.Key, e.Value))]);

            foreach (var key in entries.Select(static e => e.Key).Append(probe))
            {
                var value = model.State.Get(key);
                var proof = model.State.Prove(key);

                Assert.True(StateProof.Verify(root, key, value, proof));
                Assert.True(StateProof.Verify(root, key, value, StateProof.Decode(proof.Encode())));
            }
        }, iter: Generators.Iterations, threads: 1);
    }

    [Fact]
    public void Proofs_fail_for_a_tampered_value_or_a_claim_of_absence()
    {
        Gen.Select(Generators.State.Where(static s => s.Length > 0), Gen.Int[0, 1000], Generators.Value).Sample((entries, pick, other) =>
        {
            using var model = new StateModel();
            var root = model.Commit([.. entries.Select(static e => new StateChange(e.Key, e.Value))]);
            var (key, value) = entries[pick % entries.Length];
            var proof = model.State.Prove(key);

            Assert.False(StateProof.Verify(root, key, null, proof));
            Assert.Equal(other.AsSpan().SequenceEqual(value), StateProof.Verify(root, key, other, proof));
        }, iter: Generators.Iterations, threads: 1);
    }

    [Fact]
    public void Proofs_fail_when_any_byte_of_the_proof_or_the_root_is_flipped()
    {
        Gen.Select(Generators.State.Where(static s => s.Length > 1), Generators.Key, Gen.Int[0, 100_000], Gen.Byte[1, 255]).Sample((entries, key, at, mask) =>
        {
            using var model = new StateModel();
            var root = model.Commit([.. entries.Select(static e => new StateChange(e.Key, e.Value))]);
            var value = model.State.Get(key);
            var encoded = model.State.Prove(key).Encode();
            var tampered = (byte[])encoded.Clone();
            var index = 2 + (at % (encoded.Length - 2)); // a sibling, the end marker, or a leaf field
            tampered[index] ^= mask;
            var badRoot = root.Bytes.ToArray();
            badRoot[at % 32] ^= mask;

            Assert.False(Verifies(root, key, value, tampered));
            Assert.False(StateProof.Verify(new Hash256(badRoot), key, value, StateProof.Decode(encoded)));
        }, iter: Generators.Iterations, threads: 1);
    }

    [Fact]
    public void A_proof_for_one_key_does_not_prove_another()
    {
        using var model = new StateModel();
        var root = model.Commit(StateChange.Put([1], [10]), StateChange.Put([2], [20]), StateChange.Put([3], [30]));

        var proofOf1 = model.State.Prove([1]);

        Assert.True(StateProof.Verify(root, [1], [10], proofOf1));
        Assert.False(StateProof.Verify(root, [2], [10], proofOf1));
        Assert.False(StateProof.Verify(root, [2], [20], proofOf1));
    }

    [Fact]
    public void The_empty_tree_proves_every_key_absent()
    {
        using var model = new StateModel();

        var proof = model.State.Prove([42]);

        Assert.Empty(proof.Siblings);
        Assert.True(StateProof.Verify(StateTree.EmptyRoot, [42], null, proof));
        Assert.False(StateProof.Verify(StateTree.EmptyRoot, [42], [1], proof));
    }

    [Fact]
    public void Decoding_a_malformed_proof_says_what_is_wrong()
    {
        var tooShort = Assert.Throws<FormatException>(() => StateProof.Decode([0, 0]));
        var badLength = Assert.Throws<FormatException>(() => StateProof.Decode([1, 0, 0]));
        var tooDeep = Assert.Throws<FormatException>(() => StateProof.Decode([0xFF, 0xFF, 0]));

        Assert.Contains("at least 3 bytes", tooShort.Message, StringComparison.Ordinal);
        Assert.Contains("with 1 siblings is 35 bytes", badLength.Message, StringComparison.Ordinal);
        Assert.Contains("at most 256 siblings", tooDeep.Message, StringComparison.Ordinal);
    }

    private static bool Verifies(Hash256 root, byte[] key, byte[]? value, byte[] encoded)
    {
        try
        {
            return StateProof.Verify(root, key, value, StateProof.Decode(encoded));
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
