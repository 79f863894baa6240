using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Agora.Yuma;

namespace Agora.Cli.Commands.Sim;

/// <summary>
/// Reads the <c>agora sim epoch</c> input format (spec/interfaces.md, "Yuma Consensus, offline") with
/// <see cref="JsonDocument"/>: snake_case keys, integers as JSON integers up to u64 max, n×n u16 matrices. Optional
/// fields take the defaults of spec/yuma.md; unknown fields are ignored with a warning (<see cref="UnknownFields"/>).
/// Every error names the field.
/// </summary>
internal static class EpochInputJson
{
    private static readonly JsonDocumentOptions _documentOptions = new() { MaxDepth = 16 };

    private static readonly HashSet<string> _inputFields =
    [
        "current_block", "tempo", "last_epoch_block", "activity_cutoff", "kappa", "bonds_penalty", "bonds_moving_average",
        "max_allowed_validators", "emission", "neurons", "weights", "bonds", "weights_schedule",
    ];

    private static readonly HashSet<string> _neuronFields = ["stake", "last_update", "block_at_registration", "validator_permit"];

    /// <summary>Parses <paramref name="json"/>; a malformed input gives an error naming the field instead.</summary>
    public static bool TryParse(string json, [NotNullWhen(true)] out SimInput? input, [NotNullWhen(false)] out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(json, _documentOptions);
            input = Read(document.RootElement);
            error = null;
            return true;
        }
        catch (JsonException exception)
        {
            input = null;
            error = $"input: not valid JSON ({exception.Message})";
            return false;
        }
        catch (SimInputException exception)
        {
            input = null;
            error = exception.Message;
            return false;
        }
    }

    private static SimInput Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SimInputException($"input: expected a JSON object, got {Describe(root)}");
        }

        var defaults = YumaParameters.Default;
        var parameters = new YumaParameters
        {
            Tempo = OptionalU64(root, "tempo") ?? defaults.Tempo,
            ActivityCutoff = OptionalU64(root, "activity_cutoff") ?? defaults.ActivityCutoff,
            Kappa = OptionalU16(root, "kappa") ?? defaults.Kappa,
            BondsPenalty = OptionalU16(root, "bonds_penalty") ?? defaults.BondsPenalty,
            BondsMovingAverage = OptionalU64(root, "bonds_moving_average", YumaParameters.BondsMovingAverageMax, "parts per million")
                ?? defaults.BondsMovingAverage,
            MaxAllowedValidators = OptionalU16(root, "max_allowed_validators") ?? defaults.MaxAllowedValidators,
        };
        var currentBlock = RequiredU64(root, "current_block");
        var lastEpochBlock = OptionalU64(root, "last_epoch_block");
        var emission = RequiredU64(root, "emission");
        var neurons = ReadNeurons(Required(root, "neurons"));
        var n = neurons.Length;
        var weights = ReadMatrix(Required(root, "weights"), "weights", n);
        var bonds = ReadMatrix(Required(root, "bonds"), "bonds", n);
        var schedule = ReadSchedule(root, n);
        var warnings = UnknownFields.Warnings(root, _inputFields).ToList();
        var index = 0;
        using var neuronItems = root.GetProperty("neurons").EnumerateArray();
        foreach (var neuron in neuronItems)
        {
            warnings.AddRange(UnknownFields.Warnings(neuron, _neuronFields, $"neurons[{index++}]"));
        }

        var epoch = new EpochInput
        {
            CurrentBlock = currentBlock,
            LastEpochBlock = lastEpochBlock,
            Emission = emission,
            Parameters = parameters,
            Neurons = neurons,
            Weights = weights,
            Bonds = bonds,
        };
        var errors = epoch.Validate();
        if (errors.Count > 0)
        {
            throw new SimInputException(errors[0]);
        }

        return new SimInput(epoch, schedule, warnings);
    }

    private static ImmutableArray<NeuronState> ReadNeurons(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new SimInputException($"neurons: expected an array of neuron objects, got {Describe(element)}");
        }

        var n = element.GetArrayLength();
        if (n > YumaLimits.NeuronCountMax)
        {
            throw new SimInputException($"neurons: at most {YumaLimits.NeuronCountMax} neurons, got {n}");
        }

        var neurons = ImmutableArray.CreateBuilder<NeuronState>(n);
        var index = 0;
        using var items = element.EnumerateArray();
        foreach (var neuron in items)
        {
            var path = $"neurons[{index}]";
            if (neuron.ValueKind != JsonValueKind.Object)
            {
                throw new SimInputException($"{path}: expected an object with stake, last_update, block_at_registration, validator_permit, got {Describe(neuron)}");
            }

            neurons.Add(new NeuronState(
                RequiredU64(neuron, "stake", path),
                RequiredU64(neuron, "last_update", path),
                RequiredU64(neuron, "block_at_registration", path),
                RequiredBool(neuron, "validator_permit", path)));
            index++;
        }

        return neurons.MoveToImmutable();
    }

    private static List<SparseU16Matrix> ReadSchedule(JsonElement root, int n)
    {
        var schedule = new List<SparseU16Matrix>();
        if (!root.TryGetProperty("weights_schedule", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return schedule;
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            throw new SimInputException($"weights_schedule: expected a non-empty array of {n}×{n} weight matrices, got {Describe(element)}");
        }

        var index = 0;
        using var matrices = element.EnumerateArray();
        foreach (var matrix in matrices)
        {
            schedule.Add(ReadMatrix(matrix, $"weights_schedule[{index}]", n));
            index++;
        }

        return schedule;
    }

    private static SparseU16Matrix ReadMatrix(JsonElement element, string path, int n)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new SimInputException($"{path}: expected an array of {n} rows of {n} u16 values, got {Describe(element)}");
        }

        var rows = element.GetArrayLength();
        if (rows != n)
        {
            throw new SimInputException($"{path}: expected {n} rows (one per neuron), got {rows}");
        }

        var builder = new SparseU16Matrix.Builder(n);
        var i = 0;
        using var rowItems = element.EnumerateArray();
        foreach (var row in rowItems)
        {
            var rowPath = $"{path}[{i}]";
            if (row.ValueKind != JsonValueKind.Array)
            {
                throw new SimInputException($"{rowPath}: expected an array of {n} u16 values, got {Describe(row)}");
            }

            var length = row.GetArrayLength();
            if (length != n)
            {
                throw new SimInputException($"{rowPath}: expected {n} entries, got {length}");
            }

            var j = 0;
            using var cells = row.EnumerateArray();
            foreach (var cell in cells)
            {
                builder.Add(j, U16(cell, $"{rowPath}[{j}]"));
                j++;
            }

            builder.EndRow();
            i++;
        }

        return builder.Build();
    }

    private static JsonElement Required(JsonElement parent, string name, string? parentPath = null)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            throw new SimInputException($"{Path(parentPath, name)}: missing (required)");
        }

        return element;
    }

    private static ulong RequiredU64(JsonElement parent, string name, string? parentPath = null) =>
        U64(Required(parent, name, parentPath), Path(parentPath, name), ulong.MaxValue, null);

    private static bool RequiredBool(JsonElement parent, string name, string parentPath)
    {
        var element = Required(parent, name, parentPath);
        return element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new SimInputException($"{Path(parentPath, name)}: expected true or false, got {Describe(element)}"),
        };
    }

    private static ulong? OptionalU64(JsonElement parent, string name, ulong max = ulong.MaxValue, string? unit = null) =>
        parent.TryGetProperty(name, out var element) && element.ValueKind != JsonValueKind.Null
            ? U64(element, name, max, unit)
            : null;

    private static ushort? OptionalU16(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var element) && element.ValueKind != JsonValueKind.Null
            ? U16(element, name)
            : null;

    private static ulong U64(JsonElement element, string path, ulong max, string? unit)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetUInt64(out var value) || value > max)
        {
            var range = max == ulong.MaxValue ? "an unsigned integer (0..18446744073709551615)" : $"an integer 0..{max}";
            var suffix = unit is null ? string.Empty : $" ({unit})";
            throw new SimInputException($"{path}: expected {range}{suffix}, got {Describe(element)}");
        }

        return value;
    }

    private static ushort U16(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetUInt16(out var value))
        {
            throw new SimInputException($"{path}: expected an integer 0..65535, got {Describe(element)}");
        }

        return value;
    }

    private static string Path(string? parentPath, string name) => parentPath is null ? name : $"{parentPath}.{name}";

    private static string Describe(JsonElement element)
    {
        var text = element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => $"an array of {element.GetArrayLength()}",
            _ => element.GetRawText(),
        };
        return text.Length > 40 ? string.Concat(text.AsSpan(0, 40), "…") : text;
    }
}
