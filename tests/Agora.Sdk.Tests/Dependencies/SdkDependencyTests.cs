using System.Reflection;
using Agora.Protocol.Transactions;
using Agora.Sdk.Client;

namespace Agora.Sdk.Tests.Dependencies;

/// <summary>
/// A subnet app carries the SDK and what it shares with the chain (encodings, error codes), none of the chain's
/// execution: no runtime, storage, Yuma engine or RocksDB. Walks assembly references, so a stray
/// ProjectReference fails here even if no type of the stray assembly is used yet.
/// </summary>
public sealed class SdkDependencyTests
{
    [Fact]
    public void Sdk_depends_on_protocol_and_core_only_among_agora_assemblies()
    {
        var closure = AgoraClosureOf(typeof(ChainClient).Assembly);

        Assert.Equal(["Agora.Core", "Agora.Protocol", "Agora.Sdk"], closure);
    }

    [Fact]
    public void Protocol_depends_on_core_only_among_agora_assemblies()
    {
        var closure = AgoraClosureOf(typeof(SignedTransaction).Assembly);

        Assert.Equal(["Agora.Core", "Agora.Protocol"], closure);
    }

    /// <summary>The Agora.* assemblies <paramref name="root"/> reaches through references, itself included, sorted.</summary>
    private static List<string> AgoraClosureOf(Assembly root)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<AssemblyName>([root.GetName()]);
        while (pending.TryPop(out var name))
        {
            if (name.Name is not { } simple || !simple.StartsWith("Agora.", StringComparison.Ordinal) || !seen.Add(simple))
            {
                continue;
            }

            foreach (var reference in Assembly.Load(name).GetReferencedAssemblies())
            {
                pending.Push(reference);
            }
        }

        return [.. seen];
    }
}
