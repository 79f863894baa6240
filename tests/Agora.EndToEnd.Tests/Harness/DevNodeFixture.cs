namespace Agora.EndToEnd.Tests.Harness;

/// <summary>A dev node producing a block every <see cref="NodeProcess.FastBlockTimeMs"/>.</summary>
public sealed class DevNodeFixture : NodeFixture
{
    public DevNodeFixture()
        : base(NodeProcess.FastBlockTimeMs)
    {
    }
}
