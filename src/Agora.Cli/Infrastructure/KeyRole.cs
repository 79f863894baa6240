namespace Agora.Cli.Infrastructure;

/// <summary>Which key of a wallet a command signs with when --hotkey is not given.</summary>
internal enum KeyRole
{
    /// <summary>The coldkey (funds: transfers, staking).</summary>
    Coldkey = 1,

    /// <summary>The hotkey (routine work: weights, serving); defaults to config hotkey, else "default".</summary>
    Hotkey = 2,
}
