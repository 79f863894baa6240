using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Protocol.Balances;
using Agora.Protocol.Transactions;
using Agora.Runtime.Genesis;
using Agora.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Agora.Node.Tests.Core;

/// <summary>A dev-chain node core over a memory store with a fake clock.</summary>
internal sealed class NodeFixture : IDisposable
{
    public NodeFixture(MempoolLimits? limits = null, ChainSpec? spec = null)
    {
        Alice = DevChainSpec.DevKey("Alice");
        Bob = DevChainSpec.DevKey("Bob");
        Chain = ChainStore.OpenOrCreate(Store, spec ?? DevChainSpec.Create());
        Core = new NodeCore(Chain, Alice, limits ?? new MempoolLimits(), Time);
    }

    public MemoryStore Store { get; } = new();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    public ChainStore Chain { get; }

    public NodeCore Core { get; }

    public KeyPair Alice { get; }

    public KeyPair Bob { get; }

    public SignedTransaction Transfer(KeyPair from, AccountId to, Rao amount, ulong? nonce = null, Rao? tip = null) =>
        Sign(from, new TransferCall(to, amount), nonce, tip);

    public SignedTransaction Sign(KeyPair from, Call call, ulong? nonce = null, Rao? tip = null)
    {
        var body = new TransactionBody(from.Account, nonce ?? Core.GetAccount(from.Account).Nonce,
            new Era(Core.Best.Number, 64), tip ?? Rao.Zero, call);
        return SignedTransaction.Sign(body, from, Chain.GenesisHash);
    }

    /// <summary>Key pairs from seeds that no dev account uses: <paramref name="count"/> of them, distinct per <paramref name="tag"/>.</summary>
    public static KeyPair[] FreshKeys(byte tag, int count) =>
        Enumerable.Range(0, count).Select(i => FreshKey(tag, i)).ToArray();

    /// <summary>Key pair <paramref name="index"/> of <see cref="FreshKeys"/> with <paramref name="tag"/>.</summary>
    public static KeyPair FreshKey(byte tag, int index = 0)
    {
        var seed = new byte[32];
        BitConverter.TryWriteBytes(seed, index);
        seed[31] = tag;
        return KeyPair.FromSeed(seed);
    }

    /// <summary>Transfers <paramref name="amount"/> from //Alice to each of <paramref name="accounts"/> and seals a block.</summary>
    public void Fund(IEnumerable<AccountId> accounts, Rao amount)
    {
        var nonce = Core.GetAccount(Alice.Account).Nonce;
        foreach (var account in accounts)
        {
            var result = Core.Submit(Transfer(Alice, account, amount, nonce++));
            if (!result.Accepted)
            {
                throw new InvalidOperationException($"funding {account} was refused: {result.Rejection}");
            }
        }

        Core.ProduceBlock();
        Time.Advance(TimeSpan.FromSeconds(1));
    }

    public void Dispose()
    {
        Alice.Dispose();
        Bob.Dispose();
        Store.Dispose();
    }
}
