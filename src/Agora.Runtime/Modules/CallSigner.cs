namespace Agora.Runtime.Modules;

/// <summary>Which key signs a call, which decides who pays its fee (DESIGN §4a).</summary>
public enum CallSigner
{
    /// <summary>An account (a coldkey) signs and pays.</summary>
    Account,

    /// <summary>A hotkey signs; its owning coldkey pays, so hotkeys need no balance.</summary>
    Hotkey,
}
