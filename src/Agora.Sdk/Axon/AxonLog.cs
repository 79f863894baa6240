using Microsoft.Extensions.Logging;

namespace Agora.Sdk.Axon;

/// <summary>The axon's log messages (source-generated, cheap when off).</summary>
internal static partial class AxonLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Axon {Hotkey} serving {Synapses} on {Url} (HTTP/2 cleartext)")]
    public static partial void Listening(this ILogger logger, string hotkey, string synapses, Uri url);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Axon also serving HTTP/1.1 on {Url}")]
    public static partial void ListeningHttp1(this ILogger logger, Uri url);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Refused {Synapse} from {Caller}: {Status} {Code}: {Reason}")]
    public static partial void Refused(this ILogger logger, string synapse, string caller, int status, string code, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Synapse {Synapse} handler failed for {Caller}")]
    public static partial void HandlerFailed(this ILogger logger, Exception exception, string synapse, string caller);
}
