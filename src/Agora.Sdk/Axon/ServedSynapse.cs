using System.Text.Json;
using Agora.Sdk.Synapses;

namespace Agora.Sdk.Axon;

/// <summary>One synapse an axon serves: turns body bytes into the typed request and the response back into bytes.</summary>
internal abstract class ServedSynapse
{
    public abstract string Name { get; }

    /// <summary>The request record, or throws <see cref="JsonException"/>; run before a handler slot is taken.</summary>
    public abstract object Parse(byte[] body);

    /// <summary>Runs the handler on a request from <see cref="Parse"/> and returns the response bytes.</summary>
    public abstract ValueTask<byte[]> InvokeAsync(object request, SynapseContext context, CancellationToken cancellationToken);
}

/// <summary>A typed <see cref="ServedSynapse"/>.</summary>
internal sealed class ServedSynapse<TRequest, TResponse>(Synapse<TRequest, TResponse> synapse, SynapseHandler<TRequest, TResponse> handler) : ServedSynapse
{
    public override string Name => synapse.Name;

    public override object Parse(byte[] body) =>
        JsonSerializer.Deserialize<TRequest>(body, synapse.Json) ?? throw new JsonException("the body is JSON null");

    public override async ValueTask<byte[]> InvokeAsync(object request, SynapseContext context, CancellationToken cancellationToken)
    {
        var response = await handler((TRequest)request, context, cancellationToken);
        return JsonSerializer.SerializeToUtf8Bytes(response, synapse.Json);
    }
}
