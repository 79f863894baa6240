using System.Text.Json;

namespace Agora.Sdk.Client;

/// <summary>A call in a batch waiting for its response.</summary>
internal abstract class PendingCall
{
    protected PendingCall(long id, string method, object?[]? parameters)
    {
        Id = id;
        Method = method;
        Parameters = parameters;
    }

    public long Id { get; }

    public string Method { get; }

    public object?[]? Parameters { get; }

    public abstract void Complete(JsonElement response, Uri endpoint);

    public abstract void Fail(Exception error);
}
