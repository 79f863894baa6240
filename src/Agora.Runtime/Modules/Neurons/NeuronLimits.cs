namespace Agora.Runtime.Modules.Neurons;

/// <summary>Fixed limits of the neurons module.</summary>
public static class NeuronLimits
{
    /// <summary>Replacements kept per subnet for <c>agora_getDeregistrations</c> (older ones live on in block events).</summary>
    public const int DeregistrationsKept = 64;
}
