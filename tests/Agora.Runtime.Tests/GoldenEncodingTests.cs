using System.Text;
using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Balances;
using Agora.Protocol.Blocks;
using Agora.Protocol.Emission;
using Agora.Protocol.Epochs;
using Agora.Protocol.Events;
using Agora.Protocol.Governance;
using Agora.Protocol.Modules;
using Agora.Protocol.Neurons;
using Agora.Protocol.Staking;
using Agora.Protocol.Subnets;
using Agora.Protocol.System;
using Agora.Protocol.Transactions;
using Agora.Protocol.Weights;
using Agora.Runtime.Modules.Balances;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Governance;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.State;

namespace Agora.Runtime.Tests;

/// <summary>
/// What reaches disk or the wire is frozen (STYLE rule 8): the encodings of a transaction of every call type, a
/// header, a block, every event and the stored records; the numbers of every persisted enum and state-key prefix.
/// A change here breaks stored chains and other clients: add a version instead.
/// </summary>
public sealed class GoldenEncodingTests
{
    private static readonly AccountId Cold = TestChain.Key(1).Account;
    private static readonly AccountId Hot = TestChain.Key(2).Account;

    public static readonly Call[] EveryCall =
    [
        new TransferCall(Hot, new Rao(1_500_000_000)),
        new AssociateHotkeyCall(Hot, Enumerable.Range(0, 64).Select(i => (byte)i).ToArray()),
        new AddStakeCall(Hot, 3, new Rao(2_000_000_000)),
        new RemoveStakeCall(Hot, 3, new Rao(ulong.MaxValue)),
        new MoveStakeCall(Hot, 3, Cold, 0, new Rao(7)),
        new SetTakeCall(Hot, 5_898),
        new ProposeSubnetCall("vision", "labels images", Hot, [new(HyperparameterId.Tempo, 99), new(HyperparameterId.Yuma3Enabled, 1)]),
        new VoteCall(4, true),
        new CancelProposalCall(4),
        new SetHyperparameterCall(3, HyperparameterId.AlphaSigmoidSteepness, unchecked((ulong)-500L)),
        new BurnedRegisterCall(3, Hot, Enumerable.Range(0, 64).Select(i => (byte)(i + 1)).ToArray()),
        new SwapHotkeyCall(Hot, Cold, Enumerable.Range(0, 64).Select(i => (byte)(i + 2)).ToArray()),
        new ServeAxonCall(3, new byte[] { 203, 0, 113, 7 }, 8091, 0, 10_002),
        new SetWeightsCall(3, [0, 5, 7], [65_535, 100, 0], 42),
        new CommitWeightsCall(3, Hash256.Of("commit"u8)),
        new RevealWeightsCall(3, [0, 5, 7], [65_535, 100, 0], "agora-salt"u8.ToArray(), 42),
    ];

    private static readonly RuntimeEvent[] EveryEvent =
    [
        new EmissionMinted(new Rao(1_000_000_000), new Rao(6_000_001_000_000_000)),
        new TransactionFeePaid(Cold, new Rao(254_000), new Rao(3)),
        new Transferred(Cold, Hot, new Rao(5)),
        new CallFailed(ModuleId.Staking, (ushort)StakingError.HotkeyNotOwned),
        new HotkeyAssociated(Cold, Hot),
        new StakeAdded(Cold, Hot, 1, new Rao(10)),
        new StakeRemoved(Cold, Hot, 1, new Rao(11)),
        new StakeMoved(Cold, Hot, 1, Cold, 2, new Rao(12)),
        new TakeChanged(Hot, 11_796, 5_898),
        new SubnetProposed(4, Cold, "vision", new Rao(100_000_000_000), 640, 7),
        new Voted(4, Hot, true, new Rao(100), new Rao(50), new Rao(300)),
        new SubnetLaunched(1, 4, Cold, Hot, "vision", new Rao(100_000_000_000)),
        new ProposalRejected(5, new Rao(1), new Rao(2)),
        new ProposalExpired(6, Cold, new Rao(3)),
        new ProposalCancelled(7, Cold, new Rao(4)),
        new SubnetDeregistered(2, DeregistrationReason.ReplacedByProposal, new Rao(9), 1, new Rao(8), new Rao(7), new Rao(6)),
        new HyperparameterSet(1, HyperparameterId.Tempo, 20, 99, Cold),
        new NeuronRegistered(3, 7, Hot, Cold, new Rao(100_000_000)),
        new NeuronReplaced(3, 7, Cold, Hot, new Rao(42), 1, 200, 56),
        new HotkeySwapped(Cold, Hot, Cold, new Rao(1_000_000_000)),
        new AxonServed(3, 7, Hot, new byte[] { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, 8091, 0, 10_002),
        new BurnAdjusted(3, new Rao(100_000_000), new Rao(200_000_000), 6, 2),
        new WeightsSet(3, 1, Hot, 3),
        new WeightsCommitted(3, Hot, Hash256.Of("commit"u8), 40, 60),
        new WeightsRevealed(3, 1, Hot, Hash256.Of("commit"u8)),
        new EpochRun(1, 419, new Rao(1_000_000_000), new Rao(179_995_422), new Rao(410_002_288), new Rao(409_000_000), new Rao(73_000_000), new Rao(1_002_290)),
        new StakePenalty(1, 7, Hot, Cold, 8_191, 3, new Rao(250_000_000)),
    ];

    [Fact]
    public void Every_call_type_has_a_golden_transaction_and_decodes_back_to_itself()
    {
        Assert.Equal(Enum.GetValues<CallTag>().Length, EveryCall.Select(c => c.Tag).Distinct().Count());
        using var signer = TestChain.Key(1);
        var text = new StringBuilder();
        foreach (var call in EveryCall)
        {
            var transaction = SignedTransaction.Sign(new TransactionBody(signer.Account, 9, new Era(100, 64), new Rao(3), call), signer, TestChain.Genesis);
            var decoded = SignedTransaction.Decode(transaction.Encoded, 16 * 1024);
            Assert.Equal(transaction.Encoded, decoded.Encoded);
            Assert.Equal(call.Arguments().Count, decoded.Body.Call.Arguments().Count);
            text.Append(call.Name).Append(": ").AppendLine(Convert.ToHexStringLower(transaction.Encoded));
        }

        Golden.Check("transactions.txt", text.ToString());
    }

    [Fact]
    public void Every_event_has_a_golden_encoding_and_decodes_back_to_itself()
    {
        Assert.Equal(Enum.GetValues<EventTag>().Length, EveryEvent.Select(e => e.Tag).Distinct().Count());
        var text = new StringBuilder();
        foreach (var runtimeEvent in EveryEvent)
        {
            var writer = new CodecWriter();
            runtimeEvent.Encode(writer);
            var bytes = writer.ToArray();
            var reader = new CodecReader(bytes);
            Assert.Equal(runtimeEvent, EventCodec.Decode(ref reader));
            text.Append(runtimeEvent.Name).Append(": ").AppendLine(Convert.ToHexStringLower(bytes));
        }

        Golden.Check("events.txt", text.ToString());
    }

    [Fact]
    public void Stored_records_headers_and_blocks_have_golden_encodings()
    {
        using var author = TestChain.Key(200);
        var header = new BlockHeader(7, Hash256.Of("parent"u8), Hash256.Of("state"u8), ExtrinsicsRoot.Empty, 7_000, RuntimeVersion.Economy, author.Account).SealWith(author);
        var block = new Block(header, [SignedTransaction.Sign(new TransactionBody(Cold, 0, new Era(6, 64), Rao.Zero, EveryCall[0]), TestChain.Key(1), TestChain.Genesis)]);
        var proposal = new Proposal(4, Cold, "vision", "labels", Hot, [new(HyperparameterId.Tempo, 99)], new Rao(100), 3, 10, 610,
            ProposalStatus.Approved, [Hot], [Cold], new Rao(200), new Rao(100), 1, 12);

        var history = new DeregistrationHistory([new DeregistrationEntry(300, new NeuronReplaced(3, 7, Cold, Hot, new Rao(42), 1, 200, 56))]);

        var text = new StringBuilder()
            .Append("account: ").AppendLine(Hex(new AccountInfo(new Rao(1), new Rao(2), 3, new Rao(4)).Encode()))
            .Append("hotkey: ").AppendLine(Hex(new HotkeyInfo(Cold, 11_796, 5, new Rao(6)).Encode()))
            .Append("subnet: ").AppendLine(Hex(new SubnetInfo("vision", "labels", Cold, Hot, new Rao(100), 12).Encode()))
            .Append("subnet_economy: ").AppendLine(Hex(new SubnetEconomy(new Rao(1), new Rao(2), new Rao(3), new Rao(4)).Encode()))
            .Append("hyperparameters: ").AppendLine(Hex(SubnetHyperparameters.MainDefaults.Encode()))
            .Append("lock_state: ").AppendLine(Hex(new LockState(new Rao(100), 12, true).Encode()))
            .Append("proposal: ").AppendLine(Hex(proposal.Encode()))
            .Append("header: ").AppendLine(Hex(header.Encode()))
            .Append("block: ").AppendLine(Hex(block.Encode()))
            .Append("deregistration_history: ").AppendLine(Hex(history.Encode()));

        Assert.Equal(proposal.Encode(), Proposal.Decode(proposal.Encode()).Encode());
        Assert.Equal(history, DeregistrationHistory.Decode(history.Encode()));
        Assert.Equal(SubnetHyperparameters.MainDefaults, SubnetHyperparameters.Decode(SubnetHyperparameters.MainDefaults.Encode()));
        Golden.Check("records.txt", text.ToString());
    }

    [Fact]
    public void Persisted_enum_values_and_state_key_prefixes_are_frozen()
    {
        var text = new StringBuilder();
        void Values<T>()
            where T : struct, Enum
        {
            foreach (var value in Enum.GetValues<T>())
            {
                text.Append(typeof(T).Name).Append('.').Append(value).Append(" = ").AppendLine(Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Values<ModuleId>();
        Values<CallTag>();
        Values<EventTag>();
        Values<TxError>();
        Values<BalancesError>();
        Values<StakingError>();
        Values<SubnetsError>();
        Values<GovernanceError>();
        Values<ProposalStatus>();
        Values<DeregistrationReason>();
        Values<HyperparameterId>();
        Values<NeuronsError>();
        Values<WeightsError>();
        foreach (var (name, prefix) in new (string, byte[])[]
        {
            ("system.total_issuance", StateKeys.TotalIssuance), ("system.pending_emission", StateKeys.PendingEmission),
            ("system.carried_dust", StateKeys.CarriedDust), ("system.block_number", StateKeys.BlockNumber), ("system.sudo_key", StateKeys.SudoKey),
            ("balances.account", StateKeys.AccountPrefix), ("staking.hotkey", StakingKeys.HotkeyPrefix), ("staking.position", StakingKeys.PositionPrefix),
            ("staking.coldkey_position", StakingKeys.ColdkeyPositionPrefix), ("staking.hotkey_subnet", StakingKeys.HotkeySubnetPrefix), ("staking.senate_candidate", StakingKeys.SenateCandidatePrefix),
            ("subnets.info", SubnetKeys.InfoPrefix), ("subnets.hyperparameters", SubnetKeys.HyperparametersPrefix), ("subnets.economy", SubnetKeys.EconomyPrefix),
            ("subnets.lock", SubnetKeys.Lock), ("governance.proposal", GovernanceKeys.ProposalPrefix), ("governance.next_proposal_id", GovernanceKeys.NextProposalId),
            ("governance.pending", GovernanceKeys.PendingPrefix),
            ("neurons.count", NeuronKeys.CountPrefix), ("neurons.neuron", NeuronKeys.NeuronPrefix), ("neurons.uid", NeuronKeys.UidPrefix),
            ("neurons.axon", NeuronKeys.AxonPrefix), ("neurons.registration", NeuronKeys.RegistrationPrefix),
            ("neurons.deregistrations", NeuronKeys.DeregistrationsPrefix), ("neurons.hotkey_registration", NeuronKeys.HotkeyRegistrationPrefix),
            ("weights.row", WeightsKeys.RowPrefix), ("weights.last_update", WeightsKeys.LastUpdatePrefix), ("weights.commits", WeightsKeys.CommitsPrefix),
            ("epochs.outputs", EpochKeys.OutputsPrefix), ("epochs.bonds", EpochKeys.BondsPrefix), ("epochs.subnet", EpochKeys.SubnetPrefix),
        })
        {
            text.Append("key ").Append(name).Append(" = ").AppendLine(Hex(prefix));
        }

        text.Append("key example position = ").AppendLine(Hex(StakingKeys.Position(258, Hot, Cold)));
        Golden.Check("persisted_values.txt", text.ToString());
    }

    [Fact]
    public void A_reference_transfer_costs_a_pinned_fee()
    {
        using var signer = TestChain.Key(1);
        var transfer = SignedTransaction.Sign(new TransactionBody(signer.Account, 0, new Era(0, 64), Rao.Zero, new TransferCall(Hot, Rao.FromTao(1))), signer, TestChain.Genesis);

        Assert.Equal(167, transfer.Encoded.Length);
        Assert.Equal(267_000UL, Fees.Compute(transfer, new ChainParameters()).Value);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
