namespace Agora.Cli.Tests.Wallet;

public sealed class WalletLifecycleTests : IDisposable
{
    private readonly CliHarness _cli;

    public WalletLifecycleTests()
    {
        _cli = new CliHarness();
        _cli.With("AGORA_PASSWORD", "correct horse");
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Create_list_inspect_sign_and_verify_work_together()
    {
        var created = _cli.Run("wallet", "create", "--wallet", "w", "--hotkey", "miner", "--json");
        Assert.Equal(0, created.ExitCode);
        var coldkey = (string)created.Json["coldkey"]!["ss58_address"]!;
        var hotkey = (string)created.Json["hotkey"]!["ss58_address"]!;

        var list = _cli.Run("wallet", "list", "--json");
        var inspect = _cli.Run("wallet", "inspect", "--wallet", "w", "--json");
        var inspectHotkey = _cli.Run("wallet", "inspect", "--wallet", "w", "--hotkey", "miner", "--json");
        var signed = _cli.Run("wallet", "sign", "--wallet", "w", "--message", "hello agora", "--json");
        var signature = (string)signed.Json["signature"]!;
        var verified = _cli.Run("wallet", "verify", "--address", coldkey, "--message", "hello agora", "--signature", signature);
        var forged = _cli.Run("wallet", "verify", "--address", hotkey, "--message", "hello agora", "--signature", signature);

        Assert.Equal(coldkey, (string)list.Json["wallets"]![0]!["coldkey"]!["ss58_address"]!);
        Assert.Equal("miner", (string)list.Json["wallets"]![0]!["hotkeys"]![0]!["name"]!);
        Assert.Equal(coldkey, (string)inspect.Json["ss58_address"]!);
        Assert.Equal(hotkey, (string)inspectHotkey.Json["ss58_address"]!);
        Assert.Equal(coldkey, (string)signed.Json["ss58_address"]!);
        Assert.Equal(0, verified.ExitCode);
        Assert.Contains("Valid signature", verified.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, forged.ExitCode);
        Assert.Contains("the signature is not valid", forged.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mnemonic_shown_at_creation_regenerates_the_same_coldkey()
    {
        var created = _cli.Run("wallet", "create", "--wallet", "w", "--words", "24", "--json");
        var mnemonic = (string)created.Json["coldkey"]!["mnemonic"]!;

        var regen = _cli.Run("wallet", "regen", "--wallet", "restored", "--mnemonic", mnemonic, "--json");

        Assert.Equal(24, mnemonic.Split(' ').Length);
        Assert.Equal(0, regen.ExitCode);
        Assert.Equal((string)created.Json["coldkey"]!["ss58_address"]!, (string)regen.Json["ss58_address"]!);
    }

    [Fact]
    public void Create_shows_the_mnemonic_in_a_panel_for_people()
    {
        var created = _cli.Run("wallet", "create", "--wallet", "w");

        Assert.Equal(0, created.ExitCode);
        Assert.Contains("Mnemonic of the coldkey of wallet 'w'", created.Stdout, StringComparison.Ordinal);
        Assert.Contains("shown only now", created.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_password_fails_with_wrong_password()
    {
        _cli.Run("wallet", "create", "--wallet", "w");
        _cli.With("AGORA_PASSWORD", "battery staple");

        var result = _cli.Run("wallet", "sign", "--wallet", "w", "--message", "x");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: wrong password", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Without_a_terminal_or_password_source_the_error_names_both_sources()
    {
        _cli.Run("wallet", "create", "--wallet", "w");
        _cli.With("AGORA_PASSWORD", null);

        var result = _cli.Run("wallet", "sign", "--wallet", "w", "--message", "x");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("AGORA_PASSWORD", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--password-file", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_file_is_read_for_scripts()
    {
        _cli.Run("wallet", "create", "--wallet", "w");
        _cli.With("AGORA_PASSWORD", null);
        var file = Path.Combine(_cli.Home, "password.txt");
        File.WriteAllText(file, "correct horse\n");

        var result = _cli.Run("wallet", "sign", "--wallet", "w", "--message", "x", "--password-file", file);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("0x", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unencrypted_hotkey_signs_without_any_password()
    {
        _cli.Run("wallet", "new-hotkey", "--wallet", "w", "--hotkey", "h", "--no-password");
        _cli.With("AGORA_PASSWORD", null);

        var result = _cli.Run("wallet", "sign", "--wallet", "w", "--hotkey", "h", "--hex", "--message", "0x0102", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(130, ((string)result.Json["signature"]!).Length);
    }

    [Fact]
    public void An_existing_coldkey_is_kept_unless_overwrite_is_given()
    {
        var first = _cli.Run("wallet", "create", "--wallet", "w", "--json");

        var refused = _cli.Run("wallet", "create", "--wallet", "w");
        var inspect = _cli.Run("wallet", "inspect", "--wallet", "w", "--json");
        var replaced = _cli.Run("wallet", "create", "--wallet", "w", "--overwrite", "--json");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("pass --overwrite", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal((string)first.Json["coldkey"]!["ss58_address"]!, (string)inspect.Json["ss58_address"]!);
        Assert.Equal(0, replaced.ExitCode);
        Assert.NotEqual((string)first.Json["coldkey"]!["ss58_address"]!, (string)replaced.Json["coldkey"]!["ss58_address"]!);
    }

    [Fact]
    public void No_password_is_refused_for_a_coldkey()
    {
        var result = _cli.Run("wallet", "create", "--wallet", "w", "--no-password");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("hotkeys only", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Regen_from_a_dev_uri_restores_a_hotkey_with_its_address()
    {
        var result = _cli.Run("wallet", "regen", "--wallet", "dev", "--hotkey", "alice", "--uri", "//Alice", "--no-password", "--json");
        var inspect = _cli.Run("wallet", "inspect", "--wallet", "dev", "--hotkey", "alice", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", (string)inspect.Json["ss58_address"]!);
    }

    [Fact]
    public void Regen_without_a_secret_and_without_a_terminal_names_the_options()
    {
        var result = _cli.Run("wallet", "regen", "--wallet", "w");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--mnemonic, --seed or --uri is required", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_rejects_an_address_with_a_bad_checksum()
    {
        var result = _cli.Run(
            "wallet", "verify", "--address", "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpv", "--message", "x", "--signature", "0x" + new string('0', 128));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad checksum", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_with_a_dev_uri_verifies_against_its_address()
    {
        var signed = _cli.Run("wallet", "sign", "--uri", "//Alice", "--message", "hi");

        var verified = _cli.Run(
            "wallet", "verify", "--address", "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", "--message", "hi", "--signature", signed.Stdout.Trim(), "--json");

        Assert.Equal(0, verified.ExitCode);
        Assert.True((bool)verified.Json["valid"]!);
    }

    [Fact]
    public void A_missing_wallet_names_the_command_that_creates_it()
    {
        var result = _cli.Run("wallet", "sign", "--wallet", "ghost", "--message", "x");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("agora wallet create --wallet ghost", result.Stderr, StringComparison.Ordinal);
    }
}
