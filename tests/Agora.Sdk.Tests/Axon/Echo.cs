using Agora.Core.Primitives;
using Agora.Sdk.Synapses;

namespace Agora.Sdk.Tests.Axon;

public sealed record EchoRequest(string Text);

public sealed record EchoResponse(string Text, AccountId Caller, Rao CallerStake);

public static class Echo
{
    public static readonly Synapse<EchoRequest, EchoResponse> Synapse = new("echo");
}
