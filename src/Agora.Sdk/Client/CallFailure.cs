namespace Agora.Sdk.Client;

/// <summary>
/// A transaction's call failed at block time: the block included it and took its fee, but the module refused the
/// call (a <c>call_failed</c> event) and nothing else changed.
/// </summary>
/// <param name="Module">The module, snake_case (<c>staking</c>).</param>
/// <param name="Error">The module's error, snake_case (<c>insufficient_stake</c>).</param>
/// <param name="ErrorCode">The error's code within the module.</param>
public sealed record CallFailure(string Module, string Error, ushort ErrorCode)
{
    /// <summary>What the error means, in a sentence (empty for an error this SDK does not know).</summary>
    public string Meaning => CallErrorText.Describe(Module, Error);

    /// <inheritdoc />
    public override string ToString() => Meaning.Length == 0 ? $"{Module}.{Error}" : $"{Module}.{Error}: {Meaning}";
}
