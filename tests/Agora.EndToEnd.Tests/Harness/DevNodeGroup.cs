namespace Agora.EndToEnd.Tests.Harness;

/// <summary>Test classes that share one block-producing dev node; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DevNodeGroup : ICollectionFixture<DevNodeFixture>
{
    public const string Name = "dev node";
}
