using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;
using Agora.Protocol.Neurons;
using Agora.Protocol.Subnets;
using Agora.Protocol.Transactions;
using Agora.Runtime.Execution;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Neurons;

/// <summary>
/// Executes <see cref="ServeAxonCall"/>: a registered hotkey records where its neuron serves, at most once per
/// <c>serving_rate_limit</c> blocks (the first serve is free). The address is checked without state
/// (<see cref="AxonAddress"/>); loopback only on chains that allow it.
/// </summary>
public sealed class ServeAxonHandler : CallHandler<ServeAxonCall>
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.ServeAxon;

    /// <inheritdoc />
    public override ModuleId Module => ModuleId.Neurons;

    /// <inheritdoc />
    public override CallSigner Signer => CallSigner.Hotkey;

    /// <inheritdoc />
    protected override CallError? CheckStateless(ServeAxonCall call, AccountId sender, BlockContext context) =>
        call.Netuid == SubnetState.RootNetuid
            ? NeuronsError.RootSubnet.Because("netuid 0 is the root subnet, which has no neurons to serve")
            : AxonAddress.Check(call.Ip.Span, call.Port, call.Protocol, context.Parameters.AllowsLoopbackAxons);

    /// <inheritdoc />
    protected override CallError? Execute(ServeAxonCall call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        var (netuid, hotkey, now) = (call.Netuid, context.Sender, context.Block.Number);
        var hyperparameters = SubnetState.HyperparametersOf(state, netuid);
        if (hyperparameters is null)
        {
            return NeuronsError.SubnetNotFound.Because($"no subnet has netuid {netuid}; see `agora subnets list`");
        }

        if (NeuronState.UidOf(state, netuid, hotkey) is not { } uid)
        {
            return NeuronsError.NotRegistered.Because($"hotkey {hotkey} holds no uid on subnet {netuid}; register it first (`agora subnets register`)");
        }

        var rateLimit = hyperparameters[HyperparameterId.ServingRateLimit];
        if (NeuronState.Axon(state, netuid, uid) is { } served && served.Block + rateLimit > now)
        {
            return NeuronsError.ServingRateLimited.Because(
                $"uid {uid} served its axon at block {served.Block}; subnet {netuid} allows one serve per {rateLimit} blocks, the next from block {served.Block + rateLimit}");
        }

        var ip = call.Ip.ToArray();
        NeuronState.SetAxon(state, netuid, uid, new AxonInfo(ip, call.Port, call.Protocol, call.Version, now));
        events.Add(new AxonServed(netuid, uid, hotkey, ip, call.Port, call.Protocol, call.Version));
        return null;
    }
}
