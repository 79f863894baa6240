using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agora.Core.Primitives;
using Agora.Sdk.Wallet;

namespace Agora.Cli.Infrastructure;

/// <summary>
/// The weights a hotkey committed but has not revealed, with their salts, so that <c>weights reveal --netuid N</c> needs
/// nothing else. One owner-only JSON file per (chain, hotkey, subnet): <c>$AGORA_HOME/commits/GENESIS/HOTKEY/NETUID.json</c>.
/// The salt is what keeps committed weights secret until the reveal, so the file is readable by its owner only.
/// </summary>
internal sealed class WeightCommitStore
{
    private readonly string _path;

    public WeightCommitStore(string home, Hash256 genesis, AccountId hotkey, ushort netuid) =>
        _path = System.IO.Path.Combine(home, "commits", genesis.ToString(), hotkey.ToString(), $"{netuid}.json");

    /// <summary>The file, for messages.</summary>
    public string Path => _path;

    /// <summary>The kept commits, oldest first.</summary>
    public IReadOnlyList<KeptCommit> Load()
    {
        if (!File.Exists(_path))
        {
            return [];
        }

        try
        {
            var root = JsonNode.Parse(File.ReadAllText(_path))!;
            return root["commits"]!.AsArray().Select(node => new KeptCommit(
                Hash256.Parse(node!["hash"]!.GetValue<string>()),
                [.. node["uids"]!.AsArray().Select(u => u!.GetValue<ushort>())],
                [.. node["weights"]!.AsArray().Select(w => w!.GetValue<ushort>())],
                Convert.FromHexString(node["salt"]!.GetValue<string>()[2..]),
                node["version_key"]!.GetValue<ulong>())).ToArray();
        }
        catch (Exception e) when (e is JsonException or NullReferenceException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new CliException($"{_path} is not a valid commits file ({e.Message}); fix or remove it (its commits can then not be revealed)", e);
        }
    }

    /// <summary>Adds <paramref name="commit"/> (kept before the commit is sent, so a crash cannot lose its salt).</summary>
    public void Add(KeptCommit commit) => Save([.. Load(), commit]);

    /// <summary>Removes the commit with <paramref name="hash"/>.</summary>
    public void Remove(Hash256 hash) => Save([.. Load().Where(c => c.Hash != hash)]);

    private void Save(IReadOnlyList<KeptCommit> commits)
    {
        if (commits.Count == 0)
        {
            File.Delete(_path);
            return;
        }

        OwnerOnlyFiles.CreateDirectory(System.IO.Path.GetDirectoryName(_path)!);
        var root = new JsonObject
        {
            ["commits"] = new JsonArray([.. commits.Select(c => (JsonNode)new JsonObject
            {
                ["hash"] = c.Hash.ToString(),
                ["uids"] = new JsonArray([.. c.Uids.Select(u => (JsonNode)u)]),
                ["weights"] = new JsonArray([.. c.Weights.Select(w => (JsonNode)w)]),
                ["salt"] = "0x" + Convert.ToHexStringLower(c.Salt),
                ["version_key"] = c.VersionKey,
            })]),
        };
        OwnerOnlyFiles.WriteAllText(_path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}

/// <summary>A committed set of weights and the salt that hides it.</summary>
internal sealed record KeptCommit(Hash256 Hash, ImmutableArray<ushort> Uids, ImmutableArray<ushort> Weights, byte[] Salt, ulong VersionKey);
