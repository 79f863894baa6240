using Agora.Core.Primitives;
using Agora.Protocol.Emission;
using Agora.Protocol.Staking;
using Agora.Protocol.Transactions;
using Agora.Runtime.Execution;

namespace Agora.Runtime.Tests.Economy;

public sealed class RuntimeVersionTests
{
    [Fact]
    public void A_genesis_version_block_replays_its_own_rules_minting_without_subnets_and_refusing_economy_calls()
    {
        using var chain = EconomyChain.Create();
        var context = chain.NextContext() with { RuntimeVersion = RuntimeVersion.Genesis };
        var builder = new BlockBuilder(chain.State, context);

        var rejection = builder.TryApply(chain.Sign(chain.Keys[3], new AddStakeCall(chain.Keys[0].Account, 0, Rao.FromTao(1))), signatureVerified: false);
        var transfer = builder.TryApply(chain.Sign(chain.Keys[3], new Protocol.Balances.TransferCall(chain.Keys[4].Account, Rao.FromTao(1))), signatureVerified: false);
        var execution = builder.Finish();

        Assert.Equal(TxError.InvalidCall, rejection?.Error);
        Assert.Contains("not accepted by runtime version 1", rejection!.Message, StringComparison.Ordinal);
        Assert.Null(transfer);
        Assert.Contains(execution.Events, e => e.Event is EmissionMinted);
    }

    [Fact]
    public void The_current_version_mints_nothing_without_a_staked_subnet()
    {
        using var chain = EconomyChain.Create();

        var execution = new BlockBuilder(chain.State, chain.NextContext()).Finish();

        Assert.Equal(RuntimeVersion.Neurons, RuntimeVersion.Current);
        Assert.DoesNotContain(execution.Events, e => e.Event is EmissionMinted);
    }
}
