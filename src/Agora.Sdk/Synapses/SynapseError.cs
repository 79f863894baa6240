namespace Agora.Sdk.Synapses;

/// <summary>The JSON body of a refusal: <c>{ "error": CODE, "message": … }</c>.</summary>
/// <param name="Error">One of <see cref="SynapseErrorCodes"/>.</param>
/// <param name="Message">What was wrong and what to do, for people.</param>
public sealed record SynapseError(string Error, string Message);
