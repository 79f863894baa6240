using System.Diagnostics;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Protocol.Balances;
using Agora.Protocol.Transactions;

namespace Agora.Bench.Throughput;

/// <summary>
/// The run's yardstick: how many Ed25519 signatures of transfer-sized payloads one thread verifies per second
/// on this machine, right now (measured in the same process as the load, so noise hits both alike).
/// </summary>
internal static class VerifyBaseline
{
    private const int SignatureCount = 64;

    /// <summary>Verifies pre-signed transfer payloads on the calling thread for <paramref name="duration"/>.</summary>
    public static double MeasurePerSecond(TimeSpan duration)
    {
        var signers = new AccountId[SignatureCount];
        var payloads = new byte[SignatureCount][];
        var signatures = new byte[SignatureCount][];
        for (var i = 0; i < SignatureCount; i++)
        {
            var seed = new byte[Ed25519.SeedSize];
            seed[0] = (byte)i;
            seed[1] = 0xb7;
            using var key = KeyPair.FromSeed(seed);
            var body = new TransactionBody(key.Account, (ulong)i, new Era(1, 4096), Rao.Zero, new TransferCall(key.Account, new Rao(1)));
            signers[i] = key.Account;
            payloads[i] = SignedTransaction.SigningPayload(body, Hash256.Zero);
            signatures[i] = key.Sign(payloads[i]);
        }

        Run(signers, payloads, signatures, TimeSpan.FromMilliseconds(300)); // warm-up
        return Run(signers, payloads, signatures, duration);
    }

    private static double Run(AccountId[] signers, byte[][] payloads, byte[][] signatures, TimeSpan duration)
    {
        long verified = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            for (var i = 0; i < SignatureCount; i++)
            {
                if (!Ed25519.Verify(signers[i], payloads[i], signatures[i]))
                {
                    throw new InvalidOperationException("a baseline signature did not verify; the Ed25519 binding is broken");
                }
            }

            verified += SignatureCount;
        }

        return verified / clock.Elapsed.TotalSeconds;
    }
}
