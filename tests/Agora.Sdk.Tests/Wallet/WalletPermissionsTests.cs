using Agora.Sdk.Wallet;

namespace Agora.Sdk.Tests.Wallet;

/// <summary>Wallet folders and key files others can read are made owner-only when the store first touches them.</summary>
public sealed class WalletPermissionsTests : IDisposable
{
    private const UnixFileMode _openDirectory = (UnixFileMode)0b111_101_101; // 0755
    private const UnixFileMode _openFile = (UnixFileMode)0b110_100_100; // 0644
    private static readonly KeyfileKdfParameters _fastKdf = new(MemoryKib: 64, Iterations: 1);
    private readonly TempDirectory _home = new();
    private readonly List<string> _notices = [];

    public void Dispose() => _home.Dispose();

    [Fact]
    public void An_existing_wallet_readable_by_others_is_tightened_and_said_once()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Given a wallet written owner-only, then opened up to 0755 folders and 0644 files (as an older build left them)
        var root = Path.Combine(_home.Path, "wallets");
        var writer = new WalletStore(root, new CountingRandom(), _fastKdf);
        writer.CreateColdkey("w", 12, "pw");
        writer.CreateHotkey("w", "miner", 12, password: null);
        var directories = Directory.GetDirectories(root, "*", SearchOption.AllDirectories).Append(root).ToList();
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories);
        foreach (var directory in directories)
        {
            File.SetUnixFileMode(directory, _openDirectory);
        }

        foreach (var file in files)
        {
            File.SetUnixFileMode(file, _openFile);
        }

        // When a fresh store (a new CLI run) reads the wallet twice
        var store = new WalletStore(root, new CountingRandom(), _fastKdf, _notices.Add);
        store.ReadColdkeyInfo("w");
        store.ReadHotkeyInfo("w", "miner");

        // Then every folder is 0700 and every key file 0600, and it said so once, naming the wallet folder
        Assert.Equal(directories.Select(_ => OwnerOnlyFiles.DirectoryMode), directories.Select(ModeOf));
        Assert.Equal(files.Select(_ => OwnerOnlyFiles.FileMode), files.Select(ModeOf));
        var notice = Assert.Single(_notices);
        Assert.Contains($"{store.WalletPath("w")} 0755 -> 0700", notice, StringComparison.Ordinal);
        Assert.Contains($"{store.ColdkeyPath("w")} 0644 -> 0600", notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Listing_tightens_every_wallet_and_the_root_in_one_notice()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var root = Path.Combine(_home.Path, "wallets");
        var writer = new WalletStore(root, new CountingRandom(), _fastKdf);
        writer.CreateColdkey("a", 12, "pw");
        writer.CreateColdkey("b", 12, "pw");
        File.SetUnixFileMode(root, _openDirectory);
        File.SetUnixFileMode(writer.WalletPath("b"), _openDirectory);

        var store = new WalletStore(root, new CountingRandom(), _fastKdf, _notices.Add);
        store.List();

        Assert.Equal(OwnerOnlyFiles.DirectoryMode, File.GetUnixFileMode(root));
        Assert.Equal(OwnerOnlyFiles.DirectoryMode, File.GetUnixFileMode(writer.WalletPath("b")));
        var notice = Assert.Single(_notices);
        Assert.Contains($"{root} 0755 -> 0700", notice, StringComparison.Ordinal);
    }

    [Fact]
    public void An_owner_only_wallet_is_left_alone_and_nothing_is_said()
    {
        var store = new WalletStore(Path.Combine(_home.Path, "wallets"), new CountingRandom(), _fastKdf, _notices.Add);
        store.CreateColdkey("w", 12, "pw");

        store.ReadColdkeyInfo("w");
        store.List();

        Assert.Empty(_notices);
    }

    private static UnixFileMode ModeOf(string path) => OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(path);
}
