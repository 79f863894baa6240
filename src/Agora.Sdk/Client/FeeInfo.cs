using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>The result of <c>payment_queryFee</c>.</summary>
/// <param name="Fee">The fee the signed transaction would pay, in rao.</param>
public sealed record FeeInfo(Rao Fee);
