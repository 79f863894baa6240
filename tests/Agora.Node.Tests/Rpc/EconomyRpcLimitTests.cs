using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Node.Host;
using Agora.Runtime.Genesis;

namespace Agora.Node.Tests.Rpc;

public sealed class EconomyRpcLimitTests
{
    [Fact]
    public async Task Stake_and_delegate_lists_stop_at_their_named_caps_however_many_positions_exist()
    {
        var count = EconomyRpcLimits.PositionCountMax + 1;
        var hotkeys = Enumerable.Range(0, count).Select(i =>
        {
            var seed = new byte[32];
            BitConverter.TryWriteBytes(seed, i + 1);
            seed[31] = 0x5A;
            using var key = KeyPair.FromSeed(seed);
            return key.Account;
        }).ToArray();
        using var staker = KeyPair.FromSeed(Enumerable.Repeat((byte)7, 32).ToArray());
        var dev = DevChainSpec.Create();
        var spec = dev with
        {
            Balances = [.. dev.Balances, new GenesisBalance(staker.Account, Rao.FromTao(10_000))],
            Stakes = [.. dev.Stakes, .. hotkeys.Select(h => new GenesisStake(staker.Account, h, 0, Rao.FromTao(1)))],
        };
        await using var node = await ChainRpcNode.StartAsync(spec);

        var stake = await node.Rpc.CallAsync("agora_getStake", [staker.Account.ToString()]);
        var delegates = await node.Rpc.CallAsync("agora_getDelegates");

        Assert.Equal(EconomyRpcLimits.PositionCountMax, stake.GetArrayLength());
        Assert.Equal(EconomyRpcLimits.DelegateCountMax, delegates.GetArrayLength());
        Assert.Equal(Rao.FromTao((ulong)count), (await node.Client.GetAccountAsync(staker.Account)).Staked);
    }
}
