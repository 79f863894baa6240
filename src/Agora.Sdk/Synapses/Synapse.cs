using System.Text.Json;

namespace Agora.Sdk.Synapses;

/// <summary>
/// A typed synapse: the stable name a miner serves (<c>POST /synapse/{name}</c>) and the request and response
/// records that travel as JSON. Define it once in the subnet's library and share it between miner and validator:
/// <code>public static readonly Synapse&lt;ForecastRequest, ForecastResponse&gt; Forecast = new("forecast");</code>
/// </summary>
/// <typeparam name="TRequest">The request record.</typeparam>
/// <typeparam name="TResponse">The response record.</typeparam>
public sealed class Synapse<TRequest, TResponse>
{
    /// <summary>
    /// A synapse named <paramref name="name"/>; <paramref name="json"/> defaults to <see cref="SynapseJson.Options"/>
    /// (pass options with a source-generated <c>TypeInfoResolver</c> for trimmed apps).
    /// </summary>
    public Synapse(string name, JsonSerializerOptions? json = null)
    {
        SynapseName.Validate(name);
        Name = name;
        Json = json ?? SynapseJson.Options;
    }

    /// <summary>The stable name.</summary>
    public string Name { get; }

    /// <summary>How requests and responses are written and read.</summary>
    public JsonSerializerOptions Json { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
