using Agora.Protocol.Modules;
using Agora.Protocol.Neurons;
using Agora.Protocol.Staking;
using Agora.Protocol.Subnets;
using Agora.Protocol.Transactions;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Tests.Economy;

namespace Agora.Runtime.Tests.Neurons;

public sealed class ServeAxonTests
{
    private static readonly byte[] Public = [203, 0, 113, 7];

    [Fact]
    public void A_registered_hotkey_serves_its_axon_and_its_owner_pays_the_fee()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha");
        var (coldkey, hotkey) = (NeuronsChain.Coldkey(chain), NeuronsChain.Hotkey(0));
        var uid = NeuronsChain.Register(chain, coldkey, hotkey, netuid);
        var freeBefore = chain.Account(coldkey.Account).Free;
        var ipv6 = new byte[] { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x42 };

        var first = chain.Run(hotkey, new ServeAxonCall(netuid, Public, 8091, 0, 7));
        var second = chain.Run(hotkey, new ServeAxonCall(netuid, ipv6, 443, 1, 8));

        Assert.Contains(new AxonServed(netuid, uid, hotkey.Account, Public, 8091, 0, 7), first);
        Assert.Contains(new AxonServed(netuid, uid, hotkey.Account, ipv6, 443, 1, 8), second);
        var axon = NeuronState.Axon(chain.State, netuid, uid)!;
        Assert.Equal(ipv6, axon.Ip.ToArray());
        Assert.Equal(((ushort)443, (byte)1, 8U, chain.BestNumber), (axon.Port, axon.Protocol, axon.Version, axon.Block));
        Assert.True(chain.Account(coldkey.Account).Free < freeBefore, "the owner paid the fees");
        Assert.Equal(2UL, chain.Account(hotkey.Account).Nonce);
        Assert.Equal("2001:db8::42", first.Concat(second).OfType<AxonServed>().Last().Fields().Single(f => f.Name == "ip").Value);
    }

    [Fact]
    public void Serving_again_within_the_serving_rate_limit_is_refused_and_allowed_once_it_has_passed()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha", new HyperparameterOverride(HyperparameterId.ServingRateLimit, 5));
        var (coldkey, hotkey) = (NeuronsChain.Coldkey(chain), NeuronsChain.Hotkey(0));
        NeuronsChain.Register(chain, coldkey, hotkey, netuid);
        chain.Run(hotkey, new ServeAxonCall(netuid, Public, 8091, 0, 1));
        var servedAt = chain.BestNumber;

        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, hotkey, new ServeAxonCall(netuid, Public, 8092, 0, 1),
            ModuleId.Neurons, (ushort)NeuronsError.ServingRateLimited, payer: coldkey.Account);
        chain.AdvanceTo(servedAt + 4);
        var events = chain.Run(hotkey, new ServeAxonCall(netuid, Public, 8093, 0, 1));

        Assert.Equal(servedAt + 5, chain.BestNumber);
        Assert.Single(events.OfType<AxonServed>());
        Assert.Equal((ushort)8093, NeuronState.Axon(chain.State, netuid, 0)!.Port);
    }

    [Fact]
    public void Serving_on_a_missing_subnet_or_without_a_registration_is_included_with_its_own_error()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha");
        var (coldkey, hotkey) = (NeuronsChain.Coldkey(chain), NeuronsChain.Hotkey(0));
        chain.Run(coldkey, new AssociateHotkeyCall(hotkey.Account, NeuronsChain.Proof(hotkey, coldkey.Account)));

        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, hotkey, new ServeAxonCall(netuid, Public, 8091, 0, 1),
            ModuleId.Neurons, (ushort)NeuronsError.NotRegistered, payer: coldkey.Account);
        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, hotkey, new ServeAxonCall(9, Public, 8091, 0, 1),
            ModuleId.Neurons, (ushort)NeuronsError.SubnetNotFound, payer: coldkey.Account);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 }, 80, 0)]
    [InlineData(new byte[] { 0, 0, 0, 0 }, 80, 0)]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 80, 0)]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0 }, 80, 0)]
    [InlineData(new byte[] { 224, 0, 0, 1 }, 80, 0)]
    [InlineData(new byte[] { 239, 255, 255, 250 }, 80, 0)]
    [InlineData(new byte[] { 0xFF, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, 80, 0)]
    [InlineData(new byte[] { 203, 0, 113, 7 }, 0, 0)]
    [InlineData(new byte[] { 203, 0, 113, 7 }, 80, 4)]
    public void Unspecified_multicast_malformed_addresses_port_zero_and_unknown_protocols_are_invalid(byte[] ip, ushort port, byte protocol)
    {
        Assert.Equal((ushort)NeuronsError.InvalidAxon, AxonAddress.Check(ip, port, protocol, allowsLoopback: true)!.Code);
    }

    [Theory]
    [InlineData(new byte[] { 127, 0, 0, 1 })]
    [InlineData(new byte[] { 127, 9, 9, 9 })]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 })]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 127, 0, 0, 1 })]
    public void Loopback_addresses_are_accepted_only_where_the_chain_allows_them(byte[] ip)
    {
        Assert.Null(AxonAddress.Check(ip, 8091, 0, allowsLoopback: true));
        Assert.Equal((ushort)NeuronsError.LoopbackNotAllowed, AxonAddress.Check(ip, 8091, 0, allowsLoopback: false)!.Code);
    }

    [Theory]
    [InlineData(new byte[] { 203, 0, 113, 7 })]
    [InlineData(new byte[] { 10, 0, 0, 1 })]
    [InlineData(new byte[] { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 })]
    public void Ordinary_unicast_addresses_are_valid_everywhere(byte[] ip)
    {
        Assert.Null(AxonAddress.Check(ip, 8091, AxonAddress.ProtocolMax, allowsLoopback: false));
    }

    [Fact]
    public void Invalid_addresses_loopback_on_a_main_chain_and_the_root_subnet_are_refused_before_inclusion()
    {
        using var chain = EconomyChain.Create(new ChainParameters());
        var hotkey = chain.Keys[0];

        var (execution, results) = chain.Produce(
            chain.Sign(hotkey, new ServeAxonCall(1, new byte[] { 224, 0, 0, 1 }, 80, 0, 1)),
            chain.Sign(hotkey, new ServeAxonCall(1, new byte[] { 127, 0, 0, 1 }, 80, 0, 1), 0),
            chain.Sign(hotkey, new ServeAxonCall(0, Public, 80, 0, 1), 0));

        Assert.Equal([NeuronsError.InvalidAxon, NeuronsError.LoopbackNotAllowed, NeuronsError.RootSubnet],
            results.Select(r => (NeuronsError)r!.CallError!.Code).ToArray());
        Assert.All(results, r => Assert.Equal(TxError.InvalidCall, r!.Error));
        Assert.Empty(execution.Transactions);
    }
}
