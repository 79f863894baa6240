using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Protocol.Balances;
using Agora.Protocol.Transactions;
using Agora.Runtime.Execution;
using Agora.Runtime.Genesis;
using Agora.Runtime.State;

namespace Agora.Runtime.Tests;

/// <summary>A chain of blocks executed over <see cref="TestState"/> with deterministic test keys.</summary>
internal sealed class TestChain : IDisposable
{
    public static readonly Hash256 Genesis = Hash256.Of("agora-test-genesis"u8);
    public static readonly Rao StartBalance = Rao.FromTao(1_000);

    public TestChain(int accountCount = 4, ChainParameters? parameters = null, int senateCount = 0, Rao? senateStake = null, bool withSudo = false)
    {
        Parameters = parameters ?? new ChainParameters();
        Keys = Enumerable.Range(1, accountCount).Select(Key).ToArray();
        Author = Key(200);
        var stake = senateStake ?? Rao.FromTao(100);
        var spec = new ChainSpec("test", "test", true, 1000, 0, Author.Account, withSudo ? Keys[0].Account : null,
            Keys.Select(k => new GenesisBalance(k.Account, StartBalance)).ToArray(), Parameters)
        {
            Stakes = Keys.Take(senateCount).Select(k => new GenesisStake(k.Account, k.Account, 0, stake)).ToArray(),
        };
        State.Apply(GenesisBuilder.BuildState(spec));
    }

    public ChainParameters Parameters { get; }

    public KeyPair[] Keys { get; }

    public KeyPair Author { get; }

    public TestState State { get; } = new();

    public ulong BestNumber { get; private set; }

    public static KeyPair Key(int index)
    {
        var seed = new byte[32];
        seed[0] = (byte)index;
        seed[31] = 0xA5;
        return KeyPair.FromSeed(seed);
    }

    public BlockContext NextContext() => new(BestNumber + 1, (BestNumber + 1) * 1000, Author.Account, Genesis, Parameters);

    public SignedTransaction Transfer(KeyPair from, AccountId to, Rao amount, ulong? nonce = null, Rao? tip = null, Era? era = null, Hash256? genesis = null)
    {
        var body = new TransactionBody(from.Account, nonce ?? Account(from.Account).Nonce,
            era ?? new Era(BestNumber, 64), tip ?? Rao.Zero, new TransferCall(to, amount));
        return SignedTransaction.Sign(body, from, genesis ?? Genesis);
    }

    /// <summary>Signs <paramref name="call"/> by <paramref name="signer"/> with its next nonce (or <paramref name="nonce"/>).</summary>
    public SignedTransaction Sign(KeyPair signer, Call call, ulong? nonce = null) =>
        SignedTransaction.Sign(new TransactionBody(signer.Account, nonce ?? Account(signer.Account).Nonce, new Era(BestNumber, 64), Rao.Zero, call), signer, Genesis);

    /// <summary>Produces a block of one signed call and returns its events (the call must be includable).</summary>
    public IReadOnlyList<Protocol.Events.RuntimeEvent> Run(KeyPair signer, Call call)
    {
        var (execution, results) = Produce(Sign(signer, call));
        Assert.Null(results[0]);
        return execution.Events.Where(e => e.TransactionIndex == 0).Select(e => e.Event).ToArray();
    }

    /// <summary>Produces empty blocks until block <paramref name="number"/> is the best.</summary>
    public void AdvanceTo(ulong number)
    {
        while (BestNumber < number)
        {
            Produce();
        }
    }

    public AccountInfo Account(AccountId account) => new StateOverlay(State).GetAccount(account);

    public ulong Read(byte[] key) => new StateOverlay(State).GetU64(key);

    /// <summary>Builds and commits a block of the transactions that apply; returns the rejections.</summary>
    public (BlockExecution Execution, IReadOnlyList<TxRejection?> Results) Produce(params SignedTransaction[] transactions)
    {
        var builder = new BlockBuilder(State, NextContext());
        var results = transactions.Select(t => builder.TryApply(t, signatureVerified: false)).ToArray();
        var execution = builder.Finish();
        State.Apply(execution.Changes);
        BestNumber++;
        return (execution, results);
    }

    /// <summary>Total issuance minus everything held: must be zero after every block.</summary>
    public long InvariantGap()
    {
        return (long)Queries.IssuanceAudit.Of(State).Gap;
    }

    public void Dispose()
    {
        foreach (var key in Keys)
        {
            key.Dispose();
        }

        Author.Dispose();
    }
}
