namespace Agora.Yuma;

/// <summary>Limits of the epoch engine.</summary>
public static class YumaLimits
{
    /// <summary>
    /// Most neurons in one epoch. A row of u16 weights sums to at most 65535 × n, which must stay below 2^31 to be
    /// an I32F32 integer; 32768 keeps it there.
    /// </summary>
    public const int NeuronCountMax = 32768;
}
