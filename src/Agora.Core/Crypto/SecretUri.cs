using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Agora.Core.Crypto;

/// <summary>
/// A parsed secret URI <c>&lt;phrase or 0x seed&gt;[//hard]...[///password]</c> (spec/keys.md). Parsing checks
/// everything (words, checksum, hex, junctions), so a parsed URI always yields a key pair; the same URI gives
/// the same address as polkadot.js with type <c>ed25519</c>.
/// </summary>
public sealed class SecretUri
{
    /// <summary>The development phrase that a bare <c>//Name</c> stands on.</summary>
    public const string DevPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

    /// <summary>Longest secret URI accepted, in characters.</summary>
    public const int LengthMax = 4096;

    /// <summary>Most junctions in one URI.</summary>
    public const int JunctionCountMax = 64;

    private readonly byte[] _rootSeed;
    private readonly byte[][] _chainCodes;

    private SecretUri(byte[] rootSeed, bool isHexSeed, bool isDevPhrase, string[] junctions, byte[][] chainCodes, bool hasPassword)
    {
        _rootSeed = rootSeed;
        IsHexSeed = isHexSeed;
        IsDevPhrase = isDevPhrase;
        HardJunctions = junctions;
        _chainCodes = chainCodes;
        HasPassword = hasPassword;
    }

    /// <summary>True when the secret is a <c>0x</c> seed rather than a mnemonic.</summary>
    public bool IsHexSeed { get; }

    /// <summary>True when the phrase was left out and the development phrase was used.</summary>
    public bool IsDevPhrase { get; }

    /// <summary>The hard junctions in order, as written (without the <c>//</c>).</summary>
    public IReadOnlyList<string> HardJunctions { get; }

    /// <summary>True when a non-empty <c>///password</c> was given.</summary>
    public bool HasPassword { get; }

    /// <summary>Parses, or throws <see cref="SecretUriException"/> naming what is wrong and how to fix it.</summary>
    public static SecretUri Parse(string uri) =>
        TryParse(uri, out var result, out var error) ? result : throw error;

    /// <summary>Parses; on failure <paramref name="error"/> names what is wrong and how to fix it.</summary>
    public static bool TryParse(string uri, [NotNullWhen(true)] out SecretUri? result, out SecretUriException error)
    {
        result = null;
        error = null!;
        if (string.IsNullOrWhiteSpace(uri))
        {
            error = new SecretUriException(SecretUriError.Empty, "the secret URI is empty; give a mnemonic phrase, a 0x seed, or a dev name like //Alice");
            return false;
        }

        if (uri.Length > LengthMax)
        {
            error = new SecretUriException(SecretUriError.TooLong, $"the secret URI has {uri.Length} characters, at most {LengthMax} are accepted");
            return false;
        }

        // The password is everything after the first "///"; it may itself contain '/'.
        string? password = null;
        var body = uri;
        var passwordAt = uri.IndexOf("///", StringComparison.Ordinal);
        if (passwordAt >= 0)
        {
            password = uri[(passwordAt + 3)..];
            body = uri[..passwordAt];
        }

        var pathAt = body.IndexOf('/', StringComparison.Ordinal);
        var phrase = (pathAt < 0 ? body : body[..pathAt]).Trim();
        var path = pathAt < 0 ? string.Empty : body[pathAt..];

        if (!TryParsePath(path, out var junctions, out var chainCodes, out error))
        {
            return false;
        }

        var isDevPhrase = phrase.Length == 0;
        if (isDevPhrase)
        {
            phrase = DevPhrase;
        }

        byte[] rootSeed;
        var isHexSeed = phrase.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        if (isHexSeed)
        {
            if (!string.IsNullOrEmpty(password))
            {
                error = new SecretUriException(
                    SecretUriError.PasswordOnHexSeed,
                    "a ///password has no effect on a 0x seed (passwords apply only to mnemonic phrases); remove it");
                return false;
            }

            if (!TryParseHexSeed(phrase, out rootSeed, out error))
            {
                return false;
            }
        }
        else
        {
            if (!Mnemonic.TryToEntropy(phrase, out var entropy, out var mnemonicError))
            {
                error = new SecretUriException(SecretUriError.InvalidMnemonic, mnemonicError.Message, mnemonicError);
                return false;
            }

            rootSeed = Mnemonic.MiniSecret(entropy, password ?? string.Empty);
            CryptographicOperations.ZeroMemory(entropy);
        }

        result = new SecretUri(rootSeed, isHexSeed, isDevPhrase, junctions, chainCodes, !string.IsNullOrEmpty(password));
        return true;
    }

    /// <summary>The 32-byte Ed25519 seed after all hard junctions.</summary>
    public byte[] DeriveSeed()
    {
        var seed = (byte[])_rootSeed.Clone();
        foreach (var chainCode in _chainCodes)
        {
            var child = Ed25519HardDerivation.Derive(seed, chainCode);
            CryptographicOperations.ZeroMemory(seed);
            seed = child;
        }

        return seed;
    }

    /// <summary>The key pair of this URI.</summary>
    public KeyPair ToKeyPair()
    {
        var seed = DeriveSeed();
        try
        {
            return KeyPair.FromSeed(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    private static bool TryParsePath(string path, out string[] junctions, out byte[][] chainCodes, out SecretUriException error)
    {
        junctions = [];
        chainCodes = [];
        error = null!;
        var names = new List<string>();
        var codes = new List<byte[]>();
        var at = 0;
        while (at < path.Length)
        {
            var hard = path.AsSpan(at).StartsWith("//", StringComparison.Ordinal);
            var start = at + (hard ? 2 : 1);
            var end = path.IndexOf('/', start);
            if (end < 0)
            {
                end = path.Length;
            }

            var junction = path[start..end];
            if (!hard)
            {
                error = new SecretUriException(
                    SecretUriError.SoftJunction,
                    $"soft junction '/{junction}' is not supported: Ed25519 keys have only hard derivation; write '//{junction}' instead");
                return false;
            }

            if (!Ed25519HardDerivation.TryEncodeJunction(junction, out _, out var junctionError))
            {
                error = new SecretUriException(SecretUriError.InvalidJunction, junctionError);
                return false;
            }

            if (names.Count == JunctionCountMax)
            {
                error = new SecretUriException(SecretUriError.TooManyJunctions, $"the secret URI has more than {JunctionCountMax} junctions");
                return false;
            }

            names.Add(junction);
            codes.Add(Ed25519HardDerivation.ChainCode(junction));
            at = end;
        }

        junctions = [.. names];
        chainCodes = [.. codes];
        return true;
    }

    private static bool TryParseHexSeed(string phrase, out byte[] seed, out SecretUriException error)
    {
        seed = [];
        error = null!;
        var digits = phrase.AsSpan(2);
        if (digits.Length != Ed25519.SeedSize * 2)
        {
            error = new SecretUriException(
                SecretUriError.InvalidHexSeed,
                $"a hex seed is 0x followed by {Ed25519.SeedSize * 2} hex digits (32 bytes), got {digits.Length} digits");
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                error = new SecretUriException(
                    SecretUriError.InvalidHexSeed,
                    $"a hex seed may contain only the digits 0-9 and a-f after 0x, found '{c}'");
                return false;
            }
        }

        seed = Convert.FromHexString(digits);
        return true;
    }
}
