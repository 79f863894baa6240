using System.Text.Json;
using Agora.Core.Json;

namespace Agora.Node.Rpc;

/// <summary>
/// The <c>params</c> of a call, by position (<c>[a, b]</c>) or by name (<c>{"a": …}</c>). The getters take
/// both the position and the name, so a method accepts either form; on a wrong or missing value they
/// throw an invalid-params <see cref="RpcException"/> that names the method, the parameter and the fix.
/// </summary>
public readonly struct RpcParams
{
    private const int ShownValueCharsMax = 80;
    private readonly ParamUsage? _usage;
    private readonly JsonElement _raw;

    /// <summary>Wraps the raw <c>params</c> of a call to <paramref name="method"/>.</summary>
    public RpcParams(string method, JsonElement raw)
    {
        Method = method;
        _raw = raw;
        _usage = raw.ValueKind == JsonValueKind.Object ? new ParamUsage() : null;
    }

    internal RpcParams(string method, JsonElement raw, PreparedCall? prepared)
        : this(method, raw) => Prepared = prepared;

    /// <summary>The method these parameters were sent to.</summary>
    public string Method { get; }

    /// <summary>
    /// The raw <c>params</c> member; <see cref="JsonValueKind.Undefined"/> when it was absent. Valid only until
    /// the handler's task completes: <c>Clone()</c> it to keep it longer. A handler that reads it interprets the
    /// parameters itself, so the dispatcher no longer checks their names.
    /// </summary>
    public JsonElement Raw
    {
        get
        {
            _usage?.Declared = true;
            return _raw;
        }
    }

    /// <summary>What the method's preparation step computed for this call in a batch (see <see cref="RpcMethods.Register{TPrepared}"/>).</summary>
    internal PreparedCall? Prepared { get; }

    /// <summary>Positional parameters given (0 for absent or by-name params).</summary>
    public int Count => _raw.ValueKind == JsonValueKind.Array ? _raw.GetArrayLength() : 0;

    /// <summary>
    /// The parameter at <paramref name="index"/> (or named <paramref name="name"/>); false when it is
    /// absent or JSON null.
    /// </summary>
    public bool TryGet(int index, string name, out JsonElement value)
    {
        value = default;
        switch (_raw.ValueKind)
        {
            case JsonValueKind.Array when index < _raw.GetArrayLength():
                value = _raw[index];
                break;
            case JsonValueKind.Object when _raw.TryGetProperty(name, out var named):
                _usage?.Asked.Add(name);
                value = named;
                break;
            case JsonValueKind.Object:
                _usage?.Asked.Add(name);
                return false;
            default:
                return false;
        }

        return value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
    }

    /// <summary>A required string parameter.</summary>
    public string GetString(int index, string name) =>
        GetOptionalString(index, name) ?? throw Missing(index, name, "a string");

    /// <summary>An optional string parameter (null when absent or null).</summary>
    public string? GetOptionalString(int index, string name)
    {
        if (!TryGet(index, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Wrong(index, name, "a string", value);
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            throw InvalidParams(index, name, "is not valid text (a lone UTF-16 surrogate escape such as \\ud800); send valid Unicode");
        }
    }

    /// <summary>A required unsigned integer parameter (block numbers, rao, netuids).</summary>
    public ulong GetUInt64(int index, string name) =>
        GetOptionalUInt64(index, name) ?? throw Missing(index, name, "a non-negative integer");

    /// <summary>An optional unsigned integer parameter (null when absent or null).</summary>
    public ulong? GetOptionalUInt64(int index, string name)
    {
        if (!TryGet(index, name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var number)
            ? number
            : throw Wrong(index, name, "a non-negative integer (JSON number, not a string)", value);
    }

    /// <summary>A required parameter of any type, read with <see cref="AgoraJson.Options"/>.</summary>
    public T Get<T>(int index, string name)
    {
        if (!TryGet(index, name, out _))
        {
            throw Missing(index, name, typeof(T).Name);
        }

        return GetOptional<T>(index, name)!;
    }

    /// <summary>An optional parameter of any type (default when absent or null).</summary>
    public T? GetOptional<T>(int index, string name)
    {
        if (!TryGet(index, name, out var value))
        {
            return default;
        }

        try
        {
            return value.Deserialize<T>(AgoraJson.Options);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            // Converters and the reader throw more than JsonException on bad text (e.g. a lone surrogate escape).
            throw InvalidParams(index, name, $"is not a valid {typeof(T).Name}: {RpcText.Shown(WithoutPath(e.Message))}");
        }
    }

    /// <summary>Rejects calls with more positional parameters than <paramref name="countMax"/>.</summary>
    public void ExpectCountMax(int countMax)
    {
        if (Count > countMax)
        {
            throw RpcException.InvalidParams(
                $"{Method} takes at most {countMax} parameter(s), got {Count}; remove the extra ones");
        }
    }

    /// <summary>
    /// Declares every parameter the method takes, checked before it runs: more positional parameters than
    /// <paramref name="names"/>, or a name not among them, is an invalid-params error naming the known ones.
    /// Methods that act (submit, sign) call this first; for the others the dispatcher rejects, after the
    /// handler, any name the handler never asked for.
    /// </summary>
    public void Expect(params ReadOnlySpan<string> names)
    {
        ExpectCountMax(names.Length);
        if (_raw.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        using var properties = _raw.EnumerateObject();
        foreach (var property in properties)
        {
            if (!names.Contains(property.Name))
            {
                throw UnknownName(property.Name, names.ToArray());
            }
        }

        _usage!.Declared = true;
    }

    /// <summary>An error for the first named parameter the handler never asked for; null when there is none.</summary>
    internal RpcException? UnknownNamed()
    {
        if (_usage is not { Declared: false } usage)
        {
            return null;
        }

        using var properties = _raw.EnumerateObject();
        foreach (var property in properties)
        {
            if (!usage.Asked.Contains(property.Name))
            {
                return UnknownName(property.Name, [.. usage.Asked.Order(StringComparer.Ordinal)]);
            }
        }

        return null;
    }

    private RpcException UnknownName(string name, string[] known) =>
        RpcException.InvalidParams(known.Length == 0
            ? $"{Method}: unknown parameter \"{RpcText.Shown(name)}\"; it takes no parameters"
            : $"{Method}: unknown parameter \"{RpcText.Shown(name)}\"; it takes {string.Join(", ", known.Select(k => $"\"{k}\""))}");

    private RpcException Missing(int index, string name, string expected) =>
        InvalidParams(index, name, $"is missing; pass {expected} at position {index} or as \"{name}\"");

    private RpcException Wrong(int index, string name, string expected, JsonElement value)
    {
        var shown = value.GetRawText();
        if (shown.Length > ShownValueCharsMax)
        {
            shown = string.Concat(shown.AsSpan(0, ShownValueCharsMax), "…");
        }

        return InvalidParams(index, name, $"must be {expected}, got {shown}");
    }

    private RpcException InvalidParams(int index, string name, string problem) =>
        RpcException.InvalidParams($"{Method}: parameter {index} ({name}) {problem}");

    private static string WithoutPath(string message)
    {
        var at = message.IndexOf(" Path:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }
}
