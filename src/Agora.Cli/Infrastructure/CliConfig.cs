using System.Text.Json;
using System.Text.Json.Nodes;
using Agora.Sdk.Wallet;

namespace Agora.Cli.Infrastructure;

/// <summary>
/// <c>$AGORA_HOME/config.json</c>: defaults for options (network, wallet, hotkey, wallets_path), set with
/// <c>agora config set KEY VALUE</c>. A command-line option always wins over the file.
/// </summary>
internal sealed class CliConfig
{
    /// <summary>The keys a config file may hold.</summary>
    public static readonly IReadOnlyList<string> Keys = ["network", "wallet", "hotkey", "wallets_path"];

    private const int _fileBytesMax = 64 * 1024;

    private readonly SortedDictionary<string, string> _values;

    private CliConfig(string path, SortedDictionary<string, string> values)
    {
        Path = path;
        _values = values;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The values, ordered by key.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>Reads the file; a missing file is an empty config.</summary>
    public static CliConfig Load(string path)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return new CliConfig(path, values);
        }

        if (file.Length > _fileBytesMax)
        {
            throw new CliException($"config file {path} is larger than {_fileBytesMax} bytes; fix or delete it");
        }

        try
        {
            if (JsonNode.Parse(File.ReadAllText(path)) is not JsonObject root)
            {
                throw new CliException($"config file {path} is not a JSON object; fix or delete it");
            }

            foreach (var (key, value) in root)
            {
                if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text))
                {
                    values[key] = text;
                }
                else
                {
                    throw new CliException($"config file {path}: \"{key}\" must be a string; fix it with `agora config set {key} VALUE`");
                }
            }
        }
        catch (JsonException e)
        {
            throw new CliException($"config file {path} is not valid JSON ({e.Message}); fix or delete it", e);
        }

        return new CliConfig(path, values);
    }

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public string? Get(string key) => _values.TryGetValue(CheckKey(key), out var value) ? value : null;

    /// <summary>Sets a value (in memory; call <see cref="Save"/>).</summary>
    public void Set(string key, string value) => _values[CheckKey(key)] = value;

    /// <summary>Removes a value; false when it was not set.</summary>
    public bool Unset(string key) => _values.Remove(CheckKey(key));

    /// <summary>Writes the file atomically, owner-only.</summary>
    public void Save()
    {
        var root = new JsonObject();
        foreach (var (key, value) in _values)
        {
            root[key] = value;
        }

        OwnerOnlyFiles.WriteAllText(Path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, NewLine = "\n" }) + "\n");
    }

    /// <summary>Throws unless <paramref name="key"/> is a known key.</summary>
    public static string CheckKey(string key) => Keys.Contains(key, StringComparer.Ordinal)
        ? key
        : throw new CliException($"unknown config key '{key}'; the keys are: {string.Join(", ", Keys)}");
}
