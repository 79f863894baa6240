namespace Agora.Sdk.Wallet;

/// <summary>
/// Tightens wallet folders and key files that other users may read (made by an older build, copied in, or
/// unpacked from an archive) to owner-only: group and other permission bits are removed, so 0755 becomes 0700
/// and 0644 becomes 0600; the owner's own bits are never widened. Symbolic links are left alone, so nothing
/// outside the wallet is changed. Does nothing on Windows, whose ACLs are not Unix modes.
/// </summary>
internal static class WalletPermissions
{
    private const UnixFileMode _groupAndOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute |
        UnixFileMode.SetUser | UnixFileMode.SetGroup | UnixFileMode.StickyBit;

    /// <summary>Tightens <paramref name="path"/> when it exists; adds what changed or failed to <paramref name="changes"/>.</summary>
    public static void Tighten(string path, List<string> changes)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        FileSystemInfo entry = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!entry.Exists || entry.LinkTarget is not null)
        {
            return;
        }

        try
        {
            var mode = entry.UnixFileMode;
            if ((mode & _groupAndOther) == UnixFileMode.None)
            {
                return;
            }

            var tightened = mode & ~_groupAndOther;
            entry.UnixFileMode = tightened;
            changes.Add($"{path} {Octal(mode)} -> {Octal(tightened)}");
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // Not ours to change (another owner) or gone meanwhile: say so instead of failing the command.
            changes.Add($"{path} could not be made owner-only ({e.Message}); run `chmod go-rwx {path}`");
        }
    }

    private static string Octal(UnixFileMode mode) =>
        Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
