namespace Agora.Cli.Tests.Wallet;

/// <summary>The CLI makes wallet folders and key files that others can read owner-only, and says so on stderr once.</summary>
public sealed class WalletPermissionsCommandTests : IDisposable
{
    private const UnixFileMode _openDirectory = (UnixFileMode)0b111_101_101; // 0755
    private const UnixFileMode _openFile = (UnixFileMode)0b110_100_100; // 0644
    private const UnixFileMode _ownerDirectory = (UnixFileMode)0b111_000_000; // 0700
    private const UnixFileMode _ownerFile = (UnixFileMode)0b110_000_000; // 0600
    private readonly CliHarness _cli;

    public WalletPermissionsCommandTests()
    {
        _cli = new CliHarness();
        _cli.With("AGORA_PASSWORD", "pw");
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Listing_a_wallet_others_can_read_tightens_it_and_warns_once_on_stderr()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Given a wallet whose folders are 0755 and key files 0644
        _cli.Run("wallet", "create", "--wallet", "w", "--hotkey", "miner", "--no-password");
        var root = Path.Combine(_cli.AgoraHome, "wallets");
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

        // When the wallets are listed, twice
        var first = _cli.Run("wallet", "list", "--json");
        var second = _cli.Run("wallet", "list", "--json");

        // Then the first run tightened everything and said so in one warning line, leaving stdout pure JSON
        Assert.Equal(0, first.ExitCode);
        Assert.Single(first.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("warning: other users could read your wallet files", first.Stderr, StringComparison.Ordinal);
        Assert.Equal("w", (string)first.Json["wallets"]![0]!["name"]!);
        Assert.Equal(directories.Select(_ => _ownerDirectory), directories.Select(ModeOf));
        Assert.Equal(files.Select(_ => _ownerFile), files.Select(ModeOf));

        // And the second run had nothing to say
        Assert.Empty(second.Stderr);
    }

    private static UnixFileMode ModeOf(string path) => OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(path);
}
