using Agora.Core.Primitives;
using Agora.Protocol.Balances;
using Agora.Protocol.Transactions;

namespace Agora.Testing.Attacks;

/// <summary>
/// Keeps blocks large with funded transfers (from <see cref="AttackAccounts.Filler"/>), so that block notifications
/// and <c>chain_getBlock</c> answers are big: the raw material of the subscription and amplification attacks. Each
/// tick every filler sends its next <see cref="PerSenderPerTick"/> nonces; nonces resynchronise from state when the
/// node refuses some.
/// </summary>
public sealed class BlockFiller
{
    private static readonly Rao Amount = new(1_000);

    /// <summary>Funded filler accounts used (the chain spec must fund as many: <see cref="AttackAccounts.Fund"/>).</summary>
    public int Senders { get; init; } = 32;

    /// <summary>Transfers each filler sends per tick.</summary>
    public int PerSenderPerTick { get; init; } = 16;

    /// <summary>Time between ticks.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Fills blocks until <paramref name="stop"/>; returns how many transfers the node accepted.</summary>
    public async Task<long> RunAsync(AttackTarget target, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var rpc = new RawRpc(target.RpcUrl, TimeSpan.FromSeconds(30));
        var keys = Enumerable.Range(0, Senders).Select(AttackAccounts.Filler).ToArray();
        try
        {
            var genesis = Hash256.Parse((await rpc.CallAsync("chain_getBlockHash", [0], stop)).GetString()!);
            var nonces = new ulong[Senders];
            var resync = true;
            long accepted = 0;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    if (resync)
                    {
                        for (var i = 0; i < Senders; i++)
                        {
                            nonces[i] = (await rpc.CallAsync("state_getAccount", [keys[i].Account.ToString()], stop)).GetProperty("nonce").GetUInt64();
                        }
                    }

                    var birth = (await rpc.CallAsync("chain_getHeader", [], stop)).GetProperty("number").GetUInt64();
                    var encoded = new byte[Senders * PerSenderPerTick][];
                    Parallel.For(0, Senders, i =>
                    {
                        var destination = keys[(i + 1) % Senders].Account;
                        for (var n = 0; n < PerSenderPerTick; n++)
                        {
                            var body = new TransactionBody(keys[i].Account, nonces[i] + (ulong)n, new Era(birth, 64), Rao.Zero, new TransferCall(destination, Amount));
                            encoded[(i * PerSenderPerTick) + n] = SignedTransaction.Sign(body, keys[i], genesis).Encoded;
                        }
                    });
                    for (var i = 0; i < Senders; i++)
                    {
                        nonces[i] += (ulong)PerSenderPerTick;
                    }

                    var (yes, no, _) = RawRpc.CountBatch(await rpc.PostAsync(RawRpc.SubmitBatch(encoded), stop));
                    accepted += yes;
                    resync = no > 0;
                }
                catch (RawRpcException)
                {
                    resync = true;
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                await Task.Delay(Tick, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            return accepted;
        }
        finally
        {
            foreach (var key in keys)
            {
                key.Dispose();
            }
        }
    }
}
