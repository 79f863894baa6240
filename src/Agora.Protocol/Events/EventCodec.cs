using Agora.Core.Codec;
using Agora.Protocol.Balances;
using Agora.Protocol.Emission;
using Agora.Protocol.Epochs;
using Agora.Protocol.Governance;
using Agora.Protocol.Neurons;
using Agora.Protocol.Staking;
using Agora.Protocol.Subnets;
using Agora.Protocol.System;
using Agora.Protocol.Weights;

namespace Agora.Protocol.Events;

/// <summary>Reads events back from the block store. Every tag of <see cref="EventTag"/> has its reader here.</summary>
public static class EventCodec
{
    /// <summary>Reads one event, rejecting unknown tags.</summary>
    public static RuntimeEvent Decode(ref CodecReader reader)
    {
        var tag = reader.U8("event.tag");
        return (EventTag)tag switch
        {
            EventTag.EmissionMinted => EmissionMinted.Decode(ref reader),
            EventTag.TransactionFeePaid => TransactionFeePaid.Decode(ref reader),
            EventTag.Transferred => Transferred.Decode(ref reader),
            EventTag.CallFailed => CallFailed.Decode(ref reader),
            EventTag.HotkeyAssociated => HotkeyAssociated.Decode(ref reader),
            EventTag.StakeAdded => StakeAdded.Decode(ref reader),
            EventTag.StakeRemoved => StakeRemoved.Decode(ref reader),
            EventTag.StakeMoved => StakeMoved.Decode(ref reader),
            EventTag.TakeChanged => TakeChanged.Decode(ref reader),
            EventTag.SubnetProposed => SubnetProposed.Decode(ref reader),
            EventTag.Voted => Voted.Decode(ref reader),
            EventTag.SubnetLaunched => SubnetLaunched.Decode(ref reader),
            EventTag.ProposalRejected => ProposalRejected.Decode(ref reader),
            EventTag.ProposalExpired => ProposalExpired.Decode(ref reader),
            EventTag.ProposalCancelled => ProposalCancelled.Decode(ref reader),
            EventTag.SubnetDeregistered => SubnetDeregistered.Decode(ref reader),
            EventTag.HyperparameterSet => HyperparameterSet.Decode(ref reader),
            EventTag.NeuronRegistered => NeuronRegistered.Decode(ref reader),
            EventTag.NeuronReplaced => NeuronReplaced.Decode(ref reader),
            EventTag.HotkeySwapped => HotkeySwapped.Decode(ref reader),
            EventTag.AxonServed => AxonServed.Decode(ref reader),
            EventTag.BurnAdjusted => BurnAdjusted.Decode(ref reader),
            EventTag.WeightsSet => WeightsSet.Decode(ref reader),
            EventTag.WeightsCommitted => WeightsCommitted.Decode(ref reader),
            EventTag.WeightsRevealed => WeightsRevealed.Decode(ref reader),
            EventTag.EpochRun => EpochRun.Decode(ref reader),
            EventTag.StakePenalty => StakePenalty.Decode(ref reader),
            _ => throw new CodecException($"event.tag: unknown event {tag}"),
        };
    }
}
