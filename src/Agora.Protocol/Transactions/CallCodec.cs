using Agora.Core.Codec;
using Agora.Protocol.Balances;
using Agora.Protocol.Governance;
using Agora.Protocol.Neurons;
using Agora.Protocol.Staking;
using Agora.Protocol.Subnets;
using Agora.Protocol.Weights;

namespace Agora.Protocol.Transactions;

/// <summary>Reads calls. Every tag of <see cref="CallTag"/> has its reader here; which calls a block may execute is the runtime version's (the runtime's <c>RuntimeRules</c>).</summary>
public static class CallCodec
{
    /// <summary>Reads one call, rejecting unknown tags.</summary>
    public static Call Decode(ref CodecReader reader)
    {
        var tag = reader.U8("call.tag");
        return (CallTag)tag switch
        {
            CallTag.Transfer => TransferCall.DecodeFields(ref reader),
            CallTag.AssociateHotkey => AssociateHotkeyCall.DecodeFields(ref reader),
            CallTag.AddStake => AddStakeCall.DecodeFields(ref reader),
            CallTag.RemoveStake => RemoveStakeCall.DecodeFields(ref reader),
            CallTag.MoveStake => MoveStakeCall.DecodeFields(ref reader),
            CallTag.SetTake => SetTakeCall.DecodeFields(ref reader),
            CallTag.ProposeSubnet => ProposeSubnetCall.DecodeFields(ref reader),
            CallTag.Vote => VoteCall.DecodeFields(ref reader),
            CallTag.CancelProposal => CancelProposalCall.DecodeFields(ref reader),
            CallTag.SetHyperparameter => SetHyperparameterCall.DecodeFields(ref reader),
            CallTag.BurnedRegister => BurnedRegisterCall.DecodeFields(ref reader),
            CallTag.SwapHotkey => SwapHotkeyCall.DecodeFields(ref reader),
            CallTag.ServeAxon => ServeAxonCall.DecodeFields(ref reader),
            CallTag.SetWeights => SetWeightsCall.DecodeFields(ref reader),
            CallTag.CommitWeights => CommitWeightsCall.DecodeFields(ref reader),
            CallTag.RevealWeights => RevealWeightsCall.DecodeFields(ref reader),
            _ => throw new CodecException($"call.tag: unknown call {tag}"),
        };
    }
}
