using Microsoft.Extensions.Logging;

namespace Agora.Sdk.Subnets;

/// <summary>The miner and validator hosts' log messages (source-generated, cheap when off).</summary>
internal static partial class SubnetLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Miner {Hotkey} on subnet {Netuid} serving {Synapse} at {Url}")]
    public static partial void MinerStarted(this ILogger logger, Agora.Core.Primitives.AccountId hotkey, ushort netuid, string synapse, Uri url);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Announcing axon {Ip}:{Port} on subnet {Netuid} (serve_axon {Transaction})")]
    public static partial void ServingAxon(this ILogger logger, string ip, int port, ushort netuid, Agora.Core.Primitives.Hash256 transaction);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Hotkey {Hotkey} holds no uid on subnet {Netuid}; register it (agora subnet register) and the host picks it up at its next sync")]
    public static partial void NotRegistered(this ILogger logger, Agora.Core.Primitives.AccountId hotkey, ushort netuid);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Cannot read the subnet's chain state ({Reason}); retrying at the next interval")]
    public static partial void SyncFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Debug, Message = "Metagraph of subnet {Netuid} at block {Block}: {Count} uids, {Serving} serving")]
    public static partial void Synced(this ILogger logger, ushort netuid, ulong block, int count, int serving);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Validator {Hotkey} (uid {Uid}) on subnet {Netuid} started, querying {Synapse} every {Interval}")]
    public static partial void ValidatorStarted(this ILogger logger, Agora.Core.Primitives.AccountId hotkey, string uid, ushort netuid, string synapse, TimeSpan interval);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "Round {Round} at block {Block}: queried {Queried}, answered {Answered}, scored {Scored}; scores {Scores}")]
    public static partial void RoundDone(this ILogger logger, long round, ulong block, int queried, int answered, int scored, string scores);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Information, Message = "Weights {Action} on subnet {Netuid} at block {Block}: uids {Uids} weights {Weights} (transaction {Transaction})")]
    public static partial void WeightsSubmitted(this ILogger logger, string action, ushort netuid, ulong block, string uids, string weights, Agora.Core.Primitives.Hash256 transaction);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Warning, Message = "The node refused {Action}: {Reason}")]
    public static partial void SubmitRefused(this ILogger logger, string action, string reason);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Information, Message = "No weights yet: {Reason}")]
    public static partial void WeightsWaiting(this ILogger logger, string reason);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Warning, Message = "Round {Round} failed; the next round retries")]
    public static partial void RoundFailed(this ILogger logger, Exception exception, long round);

    [LoggerMessage(EventId = 5016, Level = LogLevel.Warning, Message = "The commit {Hash} was not revealed in its window (blocks {First}–{Last}); committing afresh")]
    public static partial void RevealMissed(this ILogger logger, string hash, ulong first, ulong last);
}
