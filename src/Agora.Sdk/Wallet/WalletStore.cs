using System.Security.Cryptography;
using System.Text.Json;
using Agora.Core.Crypto;
using Agora.Core.Primitives;

namespace Agora.Sdk.Wallet;

/// <summary>
/// Wallets on disk, btcli's layout under an injected root (the CLI passes <c>$AGORA_HOME/wallets</c>):
/// <c>&lt;root&gt;/&lt;wallet&gt;/coldkey</c> (always encrypted), <c>coldkeypub.txt</c> (public, JSON) and
/// <c>hotkeys/&lt;hotkey&gt;</c> (encrypted unless asked otherwise). Every file is written atomically and
/// owner-only; randomness (entropy, salts, nonces) comes from the injected <see cref="ISecureRandom"/>.
/// <para>
/// <c>coldkeypub.txt</c> is never trusted alone: the coldkey file records the same public key in clear (under its
/// checksum), so every read compares the two without a password and a mismatch is refused, before any password
/// is asked and again after decryption. Folders and key files others can read are tightened to owner-only the
/// first time the store touches them, and the injected notice says so.
/// </para>
/// </summary>
public sealed class WalletStore
{
    /// <summary>Longest wallet or hotkey name.</summary>
    public const int NameLengthMax = 64;

    private const string _coldkeyFile = "coldkey";
    private const string _coldkeyPubFile = "coldkeypub.txt";
    private const string _hotkeysDirectory = "hotkeys";
    private const string _pubFormat = "agora-coldkeypub";

    private static readonly JsonSerializerOptions _json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
    };

    private readonly ISecureRandom _random;
    private readonly KeyfileKdfParameters _kdf;
    private readonly Action<string>? _notice;
    private readonly HashSet<string> _secured = new(StringComparer.Ordinal);

    /// <summary>A store rooted at <paramref name="root"/> (created on first write).</summary>
    /// <param name="root">The wallets folder.</param>
    /// <param name="random">Entropy, salts and nonces.</param>
    /// <param name="kdf">Argon2id parameters for new keyfiles (default <see cref="KeyfileKdfParameters.Default"/>).</param>
    /// <param name="notice">Told, once per tightening, which folders and key files were made owner-only.</param>
    public WalletStore(string root, ISecureRandom random, KeyfileKdfParameters? kdf = null, Action<string>? notice = null)
    {
        Root = Path.GetFullPath(root);
        _random = random;
        _kdf = kdf ?? KeyfileKdfParameters.Default;
        _notice = notice;
    }

    /// <summary>The directory holding one folder per wallet.</summary>
    public string Root { get; }

    /// <summary>The folder of a wallet.</summary>
    public string WalletPath(string wallet) => Path.Combine(Root, CheckName(wallet, "wallet"));

    /// <summary>The encrypted coldkey file of a wallet.</summary>
    public string ColdkeyPath(string wallet) => Path.Combine(WalletPath(wallet), _coldkeyFile);

    /// <summary>The public coldkey file of a wallet.</summary>
    public string ColdkeyPubPath(string wallet) => Path.Combine(WalletPath(wallet), _coldkeyPubFile);

    /// <summary>The file of a hotkey.</summary>
    public string HotkeyPath(string wallet, string hotkey) =>
        Path.Combine(WalletPath(wallet), _hotkeysDirectory, CheckName(hotkey, "hotkey"));

    /// <summary>True when the wallet has a coldkey (or at least its public file).</summary>
    public bool HasColdkey(string wallet) => File.Exists(ColdkeyPath(wallet)) || File.Exists(ColdkeyPubPath(wallet));

    /// <summary>True when the hotkey exists.</summary>
    public bool HasHotkey(string wallet, string hotkey) => File.Exists(HotkeyPath(wallet, hotkey));

    /// <summary>Generates a coldkey from <paramref name="words"/> words of fresh entropy and stores it encrypted.</summary>
    public CreatedKey CreateColdkey(string wallet, int words, string password, bool overwrite = false)
    {
        using var generated = Generate(words, out var mnemonic);
        return new CreatedKey(mnemonic, ImportColdkey(wallet, generated, password, overwrite));
    }

    /// <summary>Generates a hotkey; a null <paramref name="password"/> stores it unencrypted.</summary>
    public CreatedKey CreateHotkey(string wallet, string hotkey, int words, string? password, bool overwrite = false)
    {
        using var generated = Generate(words, out var mnemonic);
        return new CreatedKey(mnemonic, ImportHotkey(wallet, hotkey, generated, password, overwrite));
    }

    /// <summary>Stores <paramref name="pair"/> as the wallet's coldkey (encrypted) and its public file.</summary>
    public KeyfileInfo ImportColdkey(string wallet, KeyPair pair, string password, bool overwrite = false)
    {
        if (string.IsNullOrEmpty(password))
        {
            throw new WalletException("a coldkey is always encrypted: give a non-empty password");
        }

        var path = ColdkeyPath(wallet);
        Secure([wallet]);
        if (!overwrite && HasColdkey(wallet))
        {
            throw new WalletException($"wallet '{wallet}' already has a coldkey ({path}); choose another wallet name, or overwrite it (its funds are lost unless you hold its mnemonic)");
        }

        OwnerOnlyFiles.CreateDirectory(WalletPath(wallet));
        OwnerOnlyFiles.WriteAllText(path, Keyfile.Encrypt(pair, password, RandomBytes(Keyfile.SaltSize), RandomBytes(Keyfile.NonceSize), _kdf));
        var document = new PublicKeyDocument
        {
            Format = _pubFormat,
            Version = Keyfile.Version,
            KeyType = "ed25519",
            PublicKey = HexFormat.Encode(pair.Account.Bytes),
            Ss58Address = Ss58.Encode(pair.Account),
        };
        OwnerOnlyFiles.WriteAllText(ColdkeyPubPath(wallet), JsonSerializer.Serialize(document, _json) + "\n");
        return new KeyfileInfo(pair.Account, IsEncrypted: true);
    }

    /// <summary>Stores <paramref name="pair"/> as a hotkey; a null <paramref name="password"/> stores it unencrypted.</summary>
    public KeyfileInfo ImportHotkey(string wallet, string hotkey, KeyPair pair, string? password, bool overwrite = false)
    {
        var path = HotkeyPath(wallet, hotkey);
        Secure([wallet]);
        if (!overwrite && File.Exists(path))
        {
            throw new WalletException($"wallet '{wallet}' already has a hotkey '{hotkey}' ({path}); choose another hotkey name, or overwrite it");
        }

        if (password is { Length: 0 })
        {
            throw new WalletException("the hotkey password is empty: give a password, or ask for an unencrypted hotkey");
        }

        OwnerOnlyFiles.CreateDirectory(WalletPath(wallet));
        OwnerOnlyFiles.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = password is null
            ? Keyfile.Plain(pair)
            : Keyfile.Encrypt(pair, password, RandomBytes(Keyfile.SaltSize), RandomBytes(Keyfile.NonceSize), _kdf);
        OwnerOnlyFiles.WriteAllText(path, text);
        return new KeyfileInfo(pair.Account, password is not null);
    }

    /// <summary>
    /// The coldkey's public info, without a password: from <c>coldkeypub.txt</c> checked against the public key
    /// the coldkey file records (either file alone when the other is absent). Throws a
    /// <see cref="KeyfileException"/> when either file is unreadable or they name different keys
    /// (<see cref="KeyfileError.ColdkeyPubMismatch"/>).
    /// </summary>
    public KeyfileInfo ReadColdkeyInfo(string wallet)
    {
        Secure([wallet]);
        var keyPath = ColdkeyPath(wallet);
        var pubPath = ColdkeyPubPath(wallet);
        var hasKey = File.Exists(keyPath);
        if (!hasKey && !File.Exists(pubPath))
        {
            throw MissingWallet(wallet);
        }

        var fromKeyfile = hasKey ? Keyfile.ReadInfo(ReadText(keyPath), keyPath) : null;
        if (!File.Exists(pubPath))
        {
            return fromKeyfile!;
        }

        var fromPub = ReadColdkeyPub(pubPath);
        if (fromKeyfile is not null && fromKeyfile.Account != fromPub.Account)
        {
            throw ColdkeyPubMismatch(wallet, fromKeyfile.Account, fromPub.Account);
        }

        return fromKeyfile ?? fromPub;
    }

    /// <summary>A hotkey's public info, without a password.</summary>
    public KeyfileInfo ReadHotkeyInfo(string wallet, string hotkey)
    {
        Secure([wallet]);
        var path = HotkeyPath(wallet, hotkey);
        return Keyfile.ReadInfo(ReadText(path, () => MissingHotkey(wallet, hotkey)), path);
    }

    /// <summary>
    /// Decrypts the coldkey; <paramref name="password"/> is asked for once. <c>coldkeypub.txt</c> is compared with
    /// the coldkey file before the password is asked and with the decrypted key after, so a replaced public file
    /// (which would make list, inspect and balance show another address than the one that signs) stops here.
    /// </summary>
    public KeyPair OpenColdkey(string wallet, Func<string> password)
    {
        var expected = ReadColdkeyInfo(wallet);
        var path = ColdkeyPath(wallet);
        var pair = Keyfile.Open(ReadText(path), path, password);
        if (pair.Account != expected.Account)
        {
            // A file replaced between the check and the decryption.
            var opened = pair.Account;
            pair.Dispose();
            throw ColdkeyPubMismatch(wallet, opened, expected.Account);
        }

        return pair;
    }

    /// <summary>Opens a hotkey; <paramref name="password"/> is asked for only when it is encrypted.</summary>
    public KeyPair OpenHotkey(string wallet, string hotkey, Func<string> password)
    {
        Secure([wallet]);
        var path = HotkeyPath(wallet, hotkey);
        return Keyfile.Open(ReadText(path, () => MissingHotkey(wallet, hotkey)), path, password);
    }

    /// <summary>Every wallet under the root, by name, with its keys; unreadable files are reported, not fatal.</summary>
    public IReadOnlyList<WalletSummary> List()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        var directories = Directory.GetDirectories(Root).Order(StringComparer.Ordinal).ToList();
        Secure(directories.Select(directory => Path.GetFileName(directory)).Where(IsValidName));
        var wallets = new List<WalletSummary>();
        foreach (var directory in directories)
        {
            var name = Path.GetFileName(directory);
            if (!IsValidName(name))
            {
                continue;
            }

            WalletKey? coldkey = HasColdkey(name) ? Describe(_coldkeyFile, false, () => ReadColdkeyInfo(name)) : null;
            var hotkeys = new List<WalletKey>();
            var hotkeyDirectory = Path.Combine(directory, _hotkeysDirectory);
            if (Directory.Exists(hotkeyDirectory))
            {
                foreach (var file in Directory.GetFiles(hotkeyDirectory).Order(StringComparer.Ordinal))
                {
                    var hotkey = Path.GetFileName(file);
                    if (IsValidName(hotkey))
                    {
                        hotkeys.Add(Describe(hotkey, true, () => ReadHotkeyInfo(name, hotkey)));
                    }
                }
            }

            wallets.Add(new WalletSummary(name, coldkey, hotkeys));
        }

        return wallets;
    }

    /// <summary>True for names of 1–64 letters, digits, '_', '-' or '.', not starting with '.' or '-'.</summary>
    public static bool IsValidName(string name)
    {
        if (name.Length is 0 or > NameLengthMax || name[0] is '.' or '-')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static string CheckName(string name, string what) => IsValidName(name)
        ? name
        : throw new WalletException($"'{name}' is not a valid {what} name: use 1-{NameLengthMax} letters, digits, '_', '-' or '.', not starting with '.' or '-'");

    /// <summary>
    /// Makes the root and each wallet's folder, key files and hotkeys folder owner-only, once per wallet per store,
    /// and tells the notice in one line what it changed.
    /// </summary>
    private void Secure(IEnumerable<string> wallets)
    {
        var changes = new List<string>();
        if (_secured.Add(string.Empty))
        {
            WalletPermissions.Tighten(Root, changes);
        }

        foreach (var wallet in wallets)
        {
            if (!_secured.Add(wallet))
            {
                continue;
            }

            var folder = WalletPath(wallet);
            var hotkeys = Path.Combine(folder, _hotkeysDirectory);
            WalletPermissions.Tighten(folder, changes);
            WalletPermissions.Tighten(Path.Combine(folder, _coldkeyFile), changes);
            WalletPermissions.Tighten(Path.Combine(folder, _coldkeyPubFile), changes);
            WalletPermissions.Tighten(hotkeys, changes);
            if (Directory.Exists(hotkeys) && new DirectoryInfo(hotkeys).LinkTarget is null)
            {
                foreach (var file in Directory.GetFiles(hotkeys).Order(StringComparer.Ordinal))
                {
                    WalletPermissions.Tighten(file, changes);
                }
            }
        }

        if (changes.Count > 0)
        {
            _notice?.Invoke($"other users could read your wallet files; made them owner-only: {string.Join("; ", changes)}");
        }
    }

    private KeyfileInfo ReadColdkeyPub(string pubPath)
    {
        try
        {
            var document = JsonSerializer.Deserialize<PublicKeyDocument>(ReadText(pubPath), _json);
            if (document?.Format != _pubFormat || document.PublicKey is null)
            {
                throw new FormatException($"its \"format\" is not \"{_pubFormat}\"");
            }

            var account = new AccountId(HexFormat.Decode(document.PublicKey, AccountId.Size, "public_key"));
            if (document.Ss58Address != Ss58.Encode(account))
            {
                throw new KeyfileException(KeyfileError.Tampered, $"{pubPath} was modified: its ss58_address does not match its public_key; restore it with `agora wallet regen`");
            }

            return new KeyfileInfo(account, IsEncrypted: true);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new KeyfileException(KeyfileError.Malformed, $"{pubPath} is not a valid public key file: {e.Message}; restore it with `agora wallet regen`", e);
        }
    }

    private KeyfileException ColdkeyPubMismatch(string wallet, AccountId inColdkey, AccountId inPub) => new(
        KeyfileError.ColdkeyPubMismatch,
        $"wallet '{wallet}' is inconsistent: {ColdkeyPubPath(wallet)} names {Ss58.Encode(inPub)}, but the coldkey file {ColdkeyPath(wallet)} " +
        $"holds {Ss58.Encode(inColdkey)}; one of them was replaced, so nothing was shown or signed with it. Do not receive funds at " +
        $"either address until you know which is yours; restore the wallet from your mnemonic with `agora wallet regen --wallet {wallet}`");

    private static WalletKey Describe(string name, bool isHotkey, Func<KeyfileInfo> read)
    {
        try
        {
            return new WalletKey(name, isHotkey, read(), null);
        }
        catch (Exception e) when (e is KeyfileException or IOException or UnauthorizedAccessException)
        {
            return new WalletKey(name, isHotkey, null, e.Message);
        }
    }

    private KeyPair Generate(int words, out string mnemonic)
    {
        if (!Mnemonic.IsValidWordCount(words))
        {
            throw new WalletException($"a mnemonic has 12, 15, 18, 21 or 24 words, not {words}");
        }

        var entropy = RandomBytes(Mnemonic.EntropySizeFor(words));
        mnemonic = Mnemonic.FromEntropy(entropy);
        var seed = Mnemonic.MiniSecret(entropy, string.Empty);
        CryptographicOperations.ZeroMemory(entropy);
        try
        {
            return KeyPair.FromSeed(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.Fill(bytes);
        return bytes;
    }

    private string ReadText(string path, Func<WalletException>? missing = null)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw missing?.Invoke() ?? MissingWallet(Path.GetFileName(Path.GetDirectoryName(path)!));
        }

        if (file.Length > Keyfile.FileBytesMax)
        {
            throw new KeyfileException(KeyfileError.TooLarge, $"{path} is larger than {Keyfile.FileBytesMax} bytes; it is not an Agora key file");
        }

        return File.ReadAllText(path);
    }

    private WalletException MissingWallet(string wallet) =>
        new($"wallet '{wallet}' has no coldkey in {Root}; create it with `agora wallet create --wallet {wallet}`, restore it with `agora wallet regen`, or check --wallets-path");

    private WalletException MissingHotkey(string wallet, string hotkey) =>
        new($"wallet '{wallet}' has no hotkey '{hotkey}' in {Root}; create it with `agora wallet new-hotkey --wallet {wallet} --hotkey {hotkey}`");
}
