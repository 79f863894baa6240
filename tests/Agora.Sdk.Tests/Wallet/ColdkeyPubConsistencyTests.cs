using Agora.Sdk.Wallet;

namespace Agora.Sdk.Tests.Wallet;

/// <summary>coldkeypub.txt is checked against the coldkey file, so the address shown is the key that signs.</summary>
public sealed class ColdkeyPubConsistencyTests : IDisposable
{
    private static readonly KeyfileKdfParameters _fastKdf = new(MemoryKib: 64, Iterations: 1);
    private readonly TempDirectory _home = new();
    private readonly WalletStore _store;

    public ColdkeyPubConsistencyTests()
    {
        _store = new WalletStore(Path.Combine(_home.Path, "wallets"), new CountingRandom(), _fastKdf);
    }

    public void Dispose() => _home.Dispose();

    [Fact]
    public void A_swapped_coldkeypub_is_refused_without_a_password_naming_both_addresses_and_the_file()
    {
        // Given a victim's wallet whose coldkeypub.txt was replaced by an attacker's
        var (victim, attacker) = SwapColdkeyPub();

        // When its public info is read (list, inspect, balance)
        var error = Assert.Throws<KeyfileException>(() => _store.ReadColdkeyInfo("victim"));

        // Then it is refused, naming the file and both addresses
        Assert.Equal(KeyfileError.ColdkeyPubMismatch, error.Error);
        Assert.Contains(_store.ColdkeyPubPath("victim"), error.Message, StringComparison.Ordinal);
        Assert.Contains(victim.Ss58Address, error.Message, StringComparison.Ordinal);
        Assert.Contains(attacker.Ss58Address, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_swapped_coldkeypub_stops_signing_before_the_password_is_asked()
    {
        // Given a victim's wallet whose coldkeypub.txt was replaced by an attacker's
        SwapColdkeyPub();
        var asked = false;

        // When the coldkey is opened to sign
        var error = Assert.Throws<KeyfileException>(() =>
        {
            using var pair = _store.OpenColdkey("victim", () =>
            {
                asked = true;
                return "pw";
            });
        });

        // Then it is refused before any password was asked
        Assert.Equal(KeyfileError.ColdkeyPubMismatch, error.Error);
        Assert.False(asked);
    }

    [Fact]
    public void The_listing_flags_a_swapped_coldkeypub_instead_of_showing_its_address()
    {
        var (_, attacker) = SwapColdkeyPub();

        var victim = _store.List().Single(w => w.Name == "victim");

        Assert.Null(victim.Coldkey!.Info);
        Assert.Contains(attacker.Ss58Address, victim.Coldkey.Problem, StringComparison.Ordinal);
        Assert.Contains("replaced", victim.Coldkey.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad json", "{ not json")]
    [InlineData("wrong version", "version")]
    [InlineData("truncated", "truncate")]
    public void The_listing_reports_a_corrupt_coldkey_file_as_broken(string what, string damage)
    {
        // Given a wallet whose coldkeypub.txt is intact but whose coldkey file is damaged
        _store.CreateColdkey("w", 12, "pw");
        var path = _store.ColdkeyPath("w");
        var text = File.ReadAllText(path);
        File.WriteAllText(path, damage switch
        {
            "version" => text.Replace("\"version\": 1", "\"version\": 99", StringComparison.Ordinal),
            "truncate" => text[..(text.Length / 2)],
            _ => damage,
        });

        // When the wallets are listed
        var coldkey = _store.List().Single().Coldkey!;

        // Then the coldkey is shown as broken, with the file named
        Assert.True(coldkey.Info is null, what);
        Assert.Contains(path, coldkey.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_matching_coldkeypub_opens_as_before()
    {
        var created = _store.CreateColdkey("w", 12, "pw");

        using var opened = _store.OpenColdkey("w", () => "pw");

        Assert.Equal(created.Info.Account, _store.ReadColdkeyInfo("w").Account);
        Assert.Equal(created.Info.Account, opened.Account);
    }

    [Fact]
    public void A_watch_only_wallet_with_only_coldkeypub_still_shows_its_address()
    {
        var created = _store.CreateColdkey("w", 12, "pw");
        File.Delete(_store.ColdkeyPath("w"));

        Assert.Equal(created.Info.Account, _store.ReadColdkeyInfo("w").Account);
    }

    private (KeyfileInfo Victim, KeyfileInfo Attacker) SwapColdkeyPub()
    {
        var victim = _store.CreateColdkey("victim", 12, "pw").Info;
        var attacker = _store.CreateColdkey("attacker", 12, "pw").Info;
        File.Copy(_store.ColdkeyPubPath("attacker"), _store.ColdkeyPubPath("victim"), overwrite: true);
        return (victim, attacker);
    }
}
