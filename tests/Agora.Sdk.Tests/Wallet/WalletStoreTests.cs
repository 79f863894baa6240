using Agora.Core.Crypto;
using Agora.Sdk.Wallet;

namespace Agora.Sdk.Tests.Wallet;

public sealed class WalletStoreTests : IDisposable
{
    private static readonly KeyfileKdfParameters _fastKdf = new(MemoryKib: 64, Iterations: 1);
    private readonly TempDirectory _home = new();
    private readonly WalletStore _store;

    public WalletStoreTests()
    {
        _store = new WalletStore(Path.Combine(_home.Path, "wallets"), new CountingRandom(), _fastKdf);
    }

    public void Dispose() => _home.Dispose();

    [Fact]
    public void A_created_coldkey_reopens_with_its_password_and_matches_its_mnemonic()
    {
        var created = _store.CreateColdkey("alice", 12, "pw");

        using var opened = _store.OpenColdkey("alice", () => "pw");
        using var fromMnemonic = KeyPair.FromUri(created.Mnemonic);

        Assert.Equal(12, created.Mnemonic.Split(' ').Length);
        Assert.Equal(created.Info.Account, opened.Account);
        Assert.Equal(created.Info.Account, fromMnemonic.Account);
        Assert.Equal(created.Info.Account, _store.ReadColdkeyInfo("alice").Account);
    }

    [Fact]
    public void The_wallet_layout_follows_btcli()
    {
        _store.CreateColdkey("w", 24, "pw");
        _store.CreateHotkey("w", "default", 12, password: null);

        Assert.True(File.Exists(Path.Combine(_store.Root, "w", "coldkey")));
        Assert.True(File.Exists(Path.Combine(_store.Root, "w", "coldkeypub.txt")));
        Assert.True(File.Exists(Path.Combine(_store.Root, "w", "hotkeys", "default")));
    }

    [Fact]
    public void Key_files_are_owner_only_and_no_temporary_file_is_left()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        _store.CreateColdkey("w", 12, "pw");
        _store.CreateHotkey("w", "h", 12, "pw");

        foreach (var file in Directory.GetFiles(_store.Root, "*", SearchOption.AllDirectories))
        {
            Assert.Equal(OwnerOnlyFiles.FileMode, File.GetUnixFileMode(file));
            Assert.DoesNotContain(".tmp", file, StringComparison.Ordinal);
        }

        foreach (var directory in Directory.GetDirectories(_store.Root, "*", SearchOption.AllDirectories).Append(_store.Root))
        {
            Assert.Equal(OwnerOnlyFiles.DirectoryMode, File.GetUnixFileMode(directory));
        }
    }

    [Fact]
    public void An_existing_coldkey_is_not_overwritten_unless_asked()
    {
        var first = _store.CreateColdkey("w", 12, "pw");

        var error = Assert.Throws<WalletException>(() => _store.CreateColdkey("w", 12, "pw"));
        var second = _store.CreateColdkey("w", 12, "pw", overwrite: true);

        Assert.Contains("already has a coldkey", error.Message, StringComparison.Ordinal);
        Assert.NotEqual(first.Info.Account, second.Info.Account);
        Assert.Equal(second.Info.Account, _store.ReadColdkeyInfo("w").Account);
    }

    [Fact]
    public void An_unencrypted_hotkey_opens_without_a_password()
    {
        var created = _store.CreateHotkey("w", "miner", 12, password: null);

        using var opened = _store.OpenHotkey("w", "miner", () => throw new InvalidOperationException("no password expected"));

        Assert.Equal(created.Info.Account, opened.Account);
        Assert.False(created.Info.IsEncrypted);
    }

    [Fact]
    public void A_wrong_coldkey_password_is_reported()
    {
        _store.CreateColdkey("w", 12, "pw");

        Assert.Throws<WrongPasswordException>(() =>
        {
            using var pair = _store.OpenColdkey("w", () => "nope");
        });
    }

    [Fact]
    public void A_regenerated_coldkey_from_a_uri_has_the_uris_address()
    {
        using var alice = KeyPair.FromUri("//Alice");

        _store.ImportColdkey("dev", alice, "pw");

        Assert.Equal("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", _store.ReadColdkeyInfo("dev").Ss58Address);
    }

    [Fact]
    public void Listing_shows_wallets_and_hotkeys_in_name_order()
    {
        _store.CreateColdkey("zeta", 12, "pw");
        _store.CreateColdkey("alpha", 12, "pw");
        _store.CreateHotkey("alpha", "b", 12, null);
        _store.CreateHotkey("alpha", "a", 12, "pw");

        var wallets = _store.List();

        Assert.Equal(["alpha", "zeta"], wallets.Select(w => w.Name));
        Assert.Equal(["a", "b"], wallets[0].Hotkeys.Select(h => h.Name));
        Assert.True(wallets[0].Hotkeys[0].Info!.IsEncrypted);
        Assert.False(wallets[0].Hotkeys[1].Info!.IsEncrypted);
        Assert.NotNull(wallets[1].Coldkey);
    }

    [Fact]
    public void A_damaged_file_is_reported_in_the_listing_without_hiding_the_others()
    {
        _store.CreateColdkey("w", 12, "pw");
        _store.CreateHotkey("w", "ok", 12, null);
        File.WriteAllText(_store.HotkeyPath("w", "bad"), "garbage");

        var hotkeys = _store.List()[0].Hotkeys;

        Assert.Contains("not a valid keyfile", hotkeys[0].Problem, StringComparison.Ordinal);
        Assert.NotNull(hotkeys[1].Info);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData(".hidden")]
    [InlineData("")]
    [InlineData("a/b")]
    public void Names_that_could_leave_the_wallet_folder_are_refused(string name)
    {
        var error = Assert.Throws<WalletException>(() => _store.CreateColdkey(name, 12, "pw"));

        Assert.Contains("is not a valid wallet name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_wallet_names_the_command_that_creates_it()
    {
        var error = Assert.Throws<WalletException>(() => _store.ReadColdkeyInfo("nobody"));

        Assert.Contains("agora wallet create --wallet nobody", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generation_uses_the_injected_randomness()
    {
        var other = new WalletStore(Path.Combine(_home.Path, "other"), new CountingRandom(), _fastKdf);

        Assert.Equal(_store.CreateColdkey("w", 12, "pw").Mnemonic, other.CreateColdkey("w", 12, "pw").Mnemonic);
    }
}
