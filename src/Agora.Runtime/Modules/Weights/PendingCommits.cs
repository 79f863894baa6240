using System.Collections.Immutable;
using Agora.Core.Codec;
using Agora.Core.Primitives;

namespace Agora.Runtime.Modules.Weights;

/// <summary>A hotkey's pending commits on one subnet, oldest first; at most <see cref="CountMax"/>.</summary>
public sealed record PendingCommits(ImmutableArray<WeightCommit> Commits)
{
    /// <summary>Most pending commits per hotkey and subnet (DESIGN §4a).</summary>
    public const int CountMax = 10;

    private const byte EncodingVersion = 1;

    /// <summary>No commits.</summary>
    public static PendingCommits None { get; } = new([]);

    /// <summary>Canonical encoding.</summary>
    public byte[] Encode()
    {
        var writer = new CodecWriter(5 + (48 * Commits.Length)).U8(EncodingVersion).Length32(Commits.Length);
        foreach (var commit in Commits)
        {
            writer.Fixed(commit.Hash.Bytes).U64(commit.CommitBlock).U64(commit.EpochIndex);
        }

        return writer.ToArray();
    }

    /// <summary>Decodes a stored list.</summary>
    public static PendingCommits Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CodecReader(bytes);
        var version = reader.U8("commits.version");
        if (version != EncodingVersion)
        {
            throw new CodecException($"commits.version: {version} is not known");
        }

        var count = reader.Length32("commits.count", CountMax);
        var commits = ImmutableArray.CreateBuilder<WeightCommit>(count);
        for (var i = 0; i < count; i++)
        {
            commits.Add(new WeightCommit(new Hash256(reader.Fixed(Hash256.Size, "commits.hash")), reader.U64("commits.block"), reader.U64("commits.epoch_index")));
        }

        reader.End("commits");
        return new PendingCommits(commits.MoveToImmutable());
    }
}
