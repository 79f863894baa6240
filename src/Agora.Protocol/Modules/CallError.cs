namespace Agora.Protocol.Modules;

/// <summary>
/// Why a call failed: the module, its append-only error code (persisted in <c>CallFailed</c> events) and a message
/// that says what to do (not persisted).
/// </summary>
public sealed record CallError(ModuleId Module, ushort Code, string Name, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Module.ToString().ToLowerInvariant()}.{Name}: {Message}";
}
