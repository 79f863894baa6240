namespace Agora.Cli.Infrastructure;

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A user error, a failed check (e.g. an invalid signature) or a refused operation.</summary>
    public const int Error = 1;

    /// <summary>The user declined a confirmation prompt.</summary>
    public const int Declined = 3;

    /// <summary>Interrupted (Ctrl-C).</summary>
    public const int Interrupted = 130;
}
