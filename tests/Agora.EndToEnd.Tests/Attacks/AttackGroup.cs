namespace Agora.EndToEnd.Tests.Attacks;

/// <summary>The attack tests run one at a time and alone: each measures block timing and memory under load.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AttackGroup
{
    public const string Name = "attacks";
}
