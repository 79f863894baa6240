using System.Runtime.ExceptionServices;

namespace Agora.Node.Rpc;

/// <summary>The outcome of a method's preparation step for one call: its value, or the exception it threw.</summary>
internal sealed class PreparedCall
{
    private readonly object? _value;
    private readonly ExceptionDispatchInfo? _error;

    private PreparedCall(object? value, ExceptionDispatchInfo? error)
    {
        _value = value;
        _error = error;
    }

    /// <summary>Runs <paramref name="prepare"/>, keeping its result or exception for the handler.</summary>
    public static PreparedCall Run(Func<RpcParams, object?> prepare, RpcParams parameters)
    {
        try
        {
            return new PreparedCall(prepare(parameters), null);
        }
#pragma warning disable CA1031 // The exception is rethrown on the handler's turn, where the dispatcher maps it to an error response.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new PreparedCall(null, ExceptionDispatchInfo.Capture(e));
        }
    }

    /// <summary>The prepared value; rethrows the preparation's exception.</summary>
    public object? Value
    {
        get
        {
            _error?.Throw();
            return _value;
        }
    }
}
