namespace Agora.Node.Rpc;

/// <summary>
/// Which named parameters a handler asked for, so that the dispatcher can reject the names it never read
/// (a typo such as <c>{"hsah": …}</c> must not silently mean "absent").
/// </summary>
internal sealed class ParamUsage
{
    public HashSet<string> Asked { get; } = new(StringComparer.Ordinal);

    /// <summary>True once the handler declared its names with <see cref="RpcParams.Expect"/> (checked there, before it ran).</summary>
    public bool Declared { get; set; }
}
