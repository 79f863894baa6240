using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Runtime.Genesis;
using Agora.Runtime.Modules.Balances;
using Agora.Runtime.Transactions;
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

    public SignedTransaction Transfer(KeyPair from, AccountId to, Rao amount, ulong? nonce = null, Rao? tip = null)
    {
        var body = new TransactionBody(from.Account, nonce ?? Core.GetAccount(from.Account).Nonce,
            new Era(Core.Best.Number, 64), tip ?? Rao.Zero, new TransferCall(to, amount));
        return SignedTransaction.Sign(body, from, Chain.GenesisHash);
    }

    public void Dispose()
    {
        Alice.Dispose();
        Bob.Dispose();
        Store.Dispose();
    }
}
