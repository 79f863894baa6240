using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.EndToEnd.Tests.Harness;
using Agora.Protocol.Balances;
using Agora.Protocol.Transactions;
using Agora.Sdk.Client;

namespace Agora.EndToEnd.Tests;

/// <summary>
/// What a user sees when a transfer cannot go through, against a live node that produces no blocks during the
/// tests (so a rejected or refused transfer visibly changes nothing).
/// </summary>
public sealed class CliErrorTests(IdleNodeFixture fixture) : IClassFixture<IdleNodeFixture>
{
    private const int TransactionRejectedCode = 1010;

    [Fact]
    public async Task Transfer_to_an_address_with_a_bad_checksum_fails_naming_the_checksum_and_sends_nothing()
    {
        // Given Bob's address with its last character changed, which breaks the checksum
        var bob = DevAccounts.Address("//Bob");
        var broken = bob[..^1] + (bob[^1] == 'a' ? 'b' : 'a');
        var aliceBefore = await fixture.Client.Chain.GetAccountAsync(DevAccounts.Account("//Alice"));

        // When Alice tries to send to it
        var result = await TransferAsync("//Alice", broken);

        // Then the CLI fails on stderr naming the checksum, prints nothing on stdout, and Alice's account is untouched
        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("checksum", result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(result.Stdout);
        Assert.Equal(aliceBefore, await fixture.Client.Chain.GetAccountAsync(DevAccounts.Account("//Alice")));
    }

    [Fact]
    public async Task Transfer_from_an_unfunded_account_fails_with_insufficient_balance_and_sends_nothing()
    {
        // Given an account nobody ever funded
        var nobody = DevAccounts.Account("//Nobody");

        // When it tries to send 1.5 TAO
        var result = await TransferAsync("//Nobody", DevAccounts.Address("//Bob"));

        // Then the CLI fails saying the balance is insufficient and what the transfer needs, and the pool stays empty of it
        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("insufficient balance", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(nobody.ToString(), result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0UL, (await fixture.Client.Chain.GetAccountAsync(nobody)).Nonce);
    }

    [Fact]
    public async Task Transfer_to_a_node_that_is_not_listening_fails_naming_the_url()
    {
        // Given a port nothing listens on
        var url = $"http://127.0.0.1:{FreePort.Next()}/";

        // When a transfer is sent there
        var result = await TransferAsync("//Alice", DevAccounts.Address("//Bob"), url);

        // Then the CLI fails saying the node is unreachable at that URL
        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("node unreachable", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(url, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transfer_the_node_rejects_fails_with_the_nodes_reason()
    {
        // Given Charlie's nonce-0 transfer with a tip waiting in the pool (no block will include it)
        using var charlie = KeyPair.FromUri("//Charlie");
        var pooled = await SignAsync(charlie, nonce: 0, tip: Rao.FromTao(1));
        await fixture.Client.Chain.SubmitTransactionAsync(pooled.Encoded);

        // When the CLI sends another nonce-0 transfer from Charlie, without a tip
        var result = await TransferAsync("//Charlie", DevAccounts.Address("//Bob"), extra: ["--wait-for", "none"]);

        // Then the CLI fails with the node's rejection, which names the taken nonce
        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("transaction rejected", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("nonce 0", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(TransactionRejectedCode.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_the_same_signed_transaction_twice_is_rejected_the_second_time_as_a_duplicate()
    {
        // Given Dave's signed transfer, accepted once
        using var dave = KeyPair.FromUri("//Dave");
        var transaction = await SignAsync(dave, nonce: 0, tip: Rao.Zero);
        var first = await fixture.Client.Chain.SubmitTransactionAsync(transaction.Encoded);

        // When the very same bytes are submitted again
        var second = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.Chain.SubmitTransactionAsync(transaction.Encoded));

        // Then the first call returned its hash and the second is error 1010 with the reason in the message and the data
        Assert.Equal(transaction.Hash, first);
        Assert.Equal(TransactionRejectedCode, second.Code);
        Assert.StartsWith("transaction rejected: ", second.RpcMessage, StringComparison.Ordinal);
        Assert.Contains(transaction.Hash.ToString(), second.RpcMessage, StringComparison.Ordinal);
        Assert.Equal("Duplicate", second.ErrorData?.GetProperty("reason").GetString());
    }

    private Task<CliResult> TransferAsync(string fromUri, string destination, string? rpcUrl = null, params string[] extra) =>
        CliRunner.RunAsync(fixture.CliHome,
        [
            "wallet", "transfer", "--uri", fromUri, "--dest", destination, "--amount", "1.5", "-y",
            "--rpc", rpcUrl ?? fixture.Node.RpcUrl.ToString(), "--json", .. extra,
        ]);

    private async Task<SignedTransaction> SignAsync(KeyPair sender, ulong nonce, Rao tip)
    {
        var genesis = await fixture.Client.GenesisAsync();
        var best = await fixture.Client.BestAsync();
        var body = new TransactionBody(sender.Account, nonce, new Era(best.Number, 64), tip, new TransferCall(DevAccounts.Account("//Eve"), Rao.FromTao(1)));
        return SignedTransaction.Sign(body, sender, genesis);
    }
}
