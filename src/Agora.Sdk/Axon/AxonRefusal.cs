using Agora.Sdk.Synapses;
using Microsoft.AspNetCore.Http;

namespace Agora.Sdk.Axon;

/// <summary>Why the axon refused a request: the HTTP status, the spec's error code, and a message naming the fix.</summary>
internal sealed record AxonRefusal(int Status, string Code, string Message)
{
    public static AxonRefusal BadRequest(string message) => new(StatusCodes.Status400BadRequest, SynapseErrorCodes.BadRequest, message);

    public static AxonRefusal BodyHashMismatch(string message) => new(StatusCodes.Status400BadRequest, SynapseErrorCodes.BodyHashMismatch, message);

    public static AxonRefusal MissingSignature(string message) => new(StatusCodes.Status401Unauthorized, SynapseErrorCodes.MissingSignature, message);

    public static AxonRefusal BadSignature(string message) => new(StatusCodes.Status401Unauthorized, SynapseErrorCodes.BadSignature, message);

    public static AxonRefusal NotRegistered(string message) => new(StatusCodes.Status403Forbidden, SynapseErrorCodes.NotRegistered, message);

    public static AxonRefusal UnknownSynapse(string message) => new(StatusCodes.Status404NotFound, SynapseErrorCodes.UnknownSynapse, message);

    public static AxonRefusal StaleNonce(string message) => new(StatusCodes.Status409Conflict, SynapseErrorCodes.StaleNonce, message);

    public static AxonRefusal BodyTooLarge(string message) => new(StatusCodes.Status413PayloadTooLarge, SynapseErrorCodes.BodyTooLarge, message);

    public static AxonRefusal WrongCallee(string message) => new(StatusCodes.Status421MisdirectedRequest, SynapseErrorCodes.WrongCallee, message);

    public static AxonRefusal RateLimited(string message) => new(StatusCodes.Status429TooManyRequests, SynapseErrorCodes.RateLimited, message);

    public static AxonRefusal HandlerFailed(string message) => new(StatusCodes.Status500InternalServerError, SynapseErrorCodes.HandlerFailed, message);

    public static AxonRefusal Overloaded(string message) => new(StatusCodes.Status503ServiceUnavailable, SynapseErrorCodes.Overloaded, message);
}
