using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Agora.Yuma;

namespace Agora.Cli.Commands.Sim;

/// <summary>
/// Reads the <c>agora sim epoch</c> input format (spec/interfaces.md, "Yuma Consensus, offline"): snake_case keys,
/// integers as JSON integers up to u64 max, n×n u16 matrices. Optional fields take the defaults of spec/yuma.md;
/// unknown fields are ignored with a warning (<see cref="UnknownFields"/>). Every error names the field.
/// </summary>
/// <remarks>
/// One forward pass of <see cref="Utf8JsonReader"/> straight into sparse matrices, without a document tree, building an
/// error's path only when there is an error: a dense n = 4096 input is 34 million numbers, and the earlier parser (a
/// <see cref="JsonDocument"/>, each cell's path built up front) took 3.8 s and over a gigabyte for it. A matrix that
/// comes before <c>neurons</c> (so before n is known) is skipped and read once the pass is over.
/// </remarks>
internal static class EpochInputJson
{
    /// <summary>The largest input accepted: a dense n = 4096 input is about 70 MB.</summary>
    public const int InputBytesMax = 1 << 30;

    private const int DescriptionLengthMax = 40;

    private static readonly JsonReaderOptions _readerOptions = new() { MaxDepth = 16 };

    private static readonly string[] _neuronFieldOrder = ["stake", "last_update", "block_at_registration", "validator_permit"];

    private static readonly HashSet<string> _inputFields =
    [
        "current_block", "tempo", "last_epoch_block", "activity_cutoff", "kappa", "bonds_penalty", "bonds_moving_average",
        "max_allowed_validators", "emission", "neurons", "weights", "bonds", "weights_schedule",
        "yuma3_enabled", "liquid_alpha_enabled", "alpha_low", "alpha_high", "alpha_sigmoid_steepness",
        "liquid_alpha_consensus_mode", "previous_consensus",
    ];

    private static readonly Dictionary<string, LiquidAlphaConsensusMode> _consensusModes = new(StringComparer.Ordinal)
    {
        ["current"] = LiquidAlphaConsensusMode.Current,
        ["previous"] = LiquidAlphaConsensusMode.Previous,
        ["auto"] = LiquidAlphaConsensusMode.Auto,
    };

    private static readonly HashSet<string> _neuronFields = [.. _neuronFieldOrder];

    /// <summary>Parses <paramref name="json"/>; a malformed input gives an error naming the field instead.</summary>
    public static bool TryParse(string json, [NotNullWhen(true)] out SimInput? input, [NotNullWhen(false)] out string? error) =>
        TryParse(Encoding.UTF8.GetBytes(json), out input, out error);

    /// <summary>Parses UTF-8 <paramref name="utf8"/> (a leading byte order mark is skipped); a malformed input gives an error naming the field instead.</summary>
    public static bool TryParse(byte[] utf8, [NotNullWhen(true)] out SimInput? input, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        try
        {
            input = Read(utf8.AsMemory(utf8.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0));
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

    private static SimInput Read(ReadOnlyMemory<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8.Span, _readerOptions);
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new SimInputException($"input: expected a JSON object, got {Describe(ref reader)}");
        }

        var fields = new InputFields();
        var warnings = new List<string>();
        var neuronWarnings = new List<string>();
        var deferred = new List<(string Name, int Start, int Length)>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (_inputFields.Contains(name) && !given.Add(name))
            {
                throw GivenTwice(name);
            }

            Next(ref reader);
            if (name is "weights" or "bonds" or "weights_schedule" or "previous_consensus" && fields.Neurons is null)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                deferred.Add((name, start, (int)reader.BytesConsumed - start));
                continue;
            }

            if (!fields.Read(name, ref reader, neuronWarnings))
            {
                warnings.Add(UnknownFields.Warning(name, _inputFields));
                reader.Skip();
            }
        }

        // Anything but whitespace after the object is an error of the reader's own.
        reader.Read();

        fields.RequireScalars();
        if (fields.Neurons is null)
        {
            throw Missing("neurons");
        }

        foreach (var (name, start, length) in deferred)
        {
            var deferredReader = new Utf8JsonReader(utf8.Span.Slice(start, length), _readerOptions);
            Next(ref deferredReader);
            fields.Read(name, ref deferredReader, neuronWarnings);
        }

        warnings.AddRange(neuronWarnings);
        return fields.ToInput(warnings);
    }

    /// <summary>What has been read so far, field by field; null where a field was absent (or JSON null).</summary>
    private sealed class InputFields
    {
        private ulong? _currentBlock;
        private ulong? _lastEpochBlock;
        private ulong? _emission;
        private ulong? _tempo;
        private ulong? _activityCutoff;
        private ushort? _kappa;
        private ushort? _bondsPenalty;
        private ulong? _bondsMovingAverage;
        private ushort? _maxAllowedValidators;
        private bool? _yuma3Enabled;
        private bool? _liquidAlphaEnabled;
        private ushort? _alphaLow;
        private ushort? _alphaHigh;
        private short? _alphaSigmoidSteepness;
        private LiquidAlphaConsensusMode? _consensusMode;
        private ImmutableArray<ushort>? _previousConsensus;
        private SparseU16Matrix? _weights;
        private SparseU16Matrix? _bonds;
        private List<SparseU16Matrix>? _schedule;

        public ImmutableArray<NeuronState>? Neurons { get; private set; }

        /// <summary>Reads the value under the reader as field <paramref name="name"/>; false for a name the format does not define.</summary>
        public bool Read(string name, ref Utf8JsonReader reader, List<string> neuronWarnings)
        {
            switch (name)
            {
                case "current_block": _currentBlock = OptionalU64(ref reader, name); break;
                case "last_epoch_block": _lastEpochBlock = OptionalU64(ref reader, name); break;
                case "emission": _emission = OptionalU64(ref reader, name); break;
                case "tempo": _tempo = OptionalU64(ref reader, name); break;
                case "activity_cutoff": _activityCutoff = OptionalU64(ref reader, name); break;
                case "kappa": _kappa = OptionalU16(ref reader, name); break;
                case "bonds_penalty": _bondsPenalty = OptionalU16(ref reader, name); break;
                case "bonds_moving_average":
                    _bondsMovingAverage = OptionalU64(ref reader, name, YumaParameters.BondsMovingAverageMax, "parts per million");
                    break;
                case "max_allowed_validators": _maxAllowedValidators = OptionalU16(ref reader, name); break;
                case "yuma3_enabled": _yuma3Enabled = OptionalBool(ref reader, name); break;
                case "liquid_alpha_enabled": _liquidAlphaEnabled = OptionalBool(ref reader, name); break;
                case "alpha_low": _alphaLow = OptionalU16(ref reader, name); break;
                case "alpha_high": _alphaHigh = OptionalU16(ref reader, name); break;
                case "alpha_sigmoid_steepness": _alphaSigmoidSteepness = OptionalI16(ref reader, name); break;
                case "liquid_alpha_consensus_mode": _consensusMode = OptionalConsensusMode(ref reader, name); break;
                case "previous_consensus": _previousConsensus = OptionalU16Vector(ref reader, name, Neurons!.Value.Length); break;
                case "neurons": Neurons = reader.TokenType == JsonTokenType.Null ? null : ReadNeurons(ref reader, neuronWarnings); break;
                case "weights": _weights = OptionalMatrix(ref reader, name, Neurons!.Value.Length); break;
                case "bonds": _bonds = OptionalMatrix(ref reader, name, Neurons!.Value.Length); break;
                case "weights_schedule": _schedule = ReadSchedule(ref reader, Neurons!.Value.Length); break;
                default: return false;
            }

            return true;
        }

        /// <summary>Rejects a missing required integer, in the order the format lists them.</summary>
        public void RequireScalars()
        {
            _ = _currentBlock ?? throw Missing("current_block");
            _ = _emission ?? throw Missing("emission");
        }

        public SimInput ToInput(List<string> warnings)
        {
            var defaults = YumaParameters.Default;
            var epoch = new EpochInput
            {
                CurrentBlock = _currentBlock!.Value,
                LastEpochBlock = _lastEpochBlock,
                Emission = _emission!.Value,
                Parameters = new YumaParameters
                {
                    Tempo = _tempo ?? defaults.Tempo,
                    ActivityCutoff = _activityCutoff ?? defaults.ActivityCutoff,
                    Kappa = _kappa ?? defaults.Kappa,
                    BondsPenalty = _bondsPenalty ?? defaults.BondsPenalty,
                    BondsMovingAverage = _bondsMovingAverage ?? defaults.BondsMovingAverage,
                    MaxAllowedValidators = _maxAllowedValidators ?? defaults.MaxAllowedValidators,
                    Yuma3Enabled = _yuma3Enabled ?? defaults.Yuma3Enabled,
                    LiquidAlphaEnabled = _liquidAlphaEnabled ?? defaults.LiquidAlphaEnabled,
                    AlphaLow = _alphaLow ?? defaults.AlphaLow,
                    AlphaHigh = _alphaHigh ?? defaults.AlphaHigh,
                    AlphaSigmoidSteepness = _alphaSigmoidSteepness ?? defaults.AlphaSigmoidSteepness,
                    LiquidAlphaConsensusMode = _consensusMode ?? defaults.LiquidAlphaConsensusMode,
                },
                Neurons = Neurons!.Value,
                Weights = _weights ?? throw Missing("weights"),
                Bonds = _bonds ?? throw Missing("bonds"),
                PreviousConsensus = _previousConsensus ?? [],
            };
            var errors = epoch.Validate();
            if (errors.Count > 0)
            {
                throw new SimInputException(errors[0]);
            }

            if (epoch.Parameters.LiquidAlphaEnabled && !epoch.Parameters.Yuma3Enabled)
            {
                warnings.Add("liquid_alpha_enabled: no effect without yuma3_enabled (liquid alpha is part of the Yuma 3 bond model, as on the reference chain)");
            }

            return new SimInput(epoch, _schedule ?? [], warnings);
        }
    }

    private static ImmutableArray<NeuronState> ReadNeurons(ref Utf8JsonReader reader, List<string> warnings)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new SimInputException($"neurons: expected an array of neuron objects, got {Describe(ref reader)}");
        }

        var count = CountItems(reader);
        if (count > YumaLimits.NeuronCountMax)
        {
            throw new SimInputException($"neurons: at most {YumaLimits.NeuronCountMax} neurons, got {count}");
        }

        var neurons = ImmutableArray.CreateBuilder<NeuronState>(count);
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            var path = $"neurons[{neurons.Count}]";
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new SimInputException($"{path}: expected an object with {string.Join(", ", _neuronFieldOrder)}, got {Describe(ref reader)}");
            }

            var values = new ulong?[3];
            bool? permit = null;
            var given = 0;
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                Next(ref reader);
                // The first three fields are integers, the last a boolean.
                var field = Array.IndexOf(_neuronFieldOrder, name);
                if (field >= 0 && (given & (1 << field)) != 0)
                {
                    throw GivenTwice($"{path}.{name}");
                }

                given |= field >= 0 ? 1 << field : 0;
                if (field is >= 0 and < 3)
                {
                    values[field] = OptionalU64(ref reader, $"{path}.{name}");
                }
                else if (field == 3)
                {
                    permit = reader.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False => false,
                        JsonTokenType.Null => null,
                        _ => throw new SimInputException($"{path}.{name}: expected true or false, got {Describe(ref reader)}"),
                    };
                }
                else
                {
                    warnings.Add(UnknownFields.Warning(name, _neuronFields, path));
                    reader.Skip();
                }
            }

            neurons.Add(new NeuronState(
                values[0] ?? throw Missing($"{path}.stake"),
                values[1] ?? throw Missing($"{path}.last_update"),
                values[2] ?? throw Missing($"{path}.block_at_registration"),
                permit ?? throw Missing($"{path}.validator_permit")));
        }

        return neurons.MoveToImmutable();
    }

    private static List<SparseU16Matrix>? ReadSchedule(ref Utf8JsonReader reader, int n)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var expected = $"weights_schedule: expected a non-empty array of {n}×{n} weight matrices";
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new SimInputException($"{expected}, got {Describe(ref reader)}");
        }

        var schedule = new List<SparseU16Matrix>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            schedule.Add(ReadMatrix(ref reader, $"weights_schedule[{schedule.Count}]", n));
        }

        return schedule.Count > 0 ? schedule : throw new SimInputException($"{expected}, got an array of 0");
    }

    private static SparseU16Matrix? OptionalMatrix(ref Utf8JsonReader reader, string path, int n) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadMatrix(ref reader, path, n);

    private static SparseU16Matrix ReadMatrix(ref Utf8JsonReader reader, string path, int n)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new SimInputException($"{path}: expected an array of {n} rows of {n} u16 values, got {Describe(ref reader)}");
        }

        // Row and entry counts are checked as the reader reaches them: counting first would read the matrix twice. An
        // error inside still reports the outermost problem first (PreferOuter).
        var matrixStart = reader;
        var builder = new SparseU16Matrix.Builder(n);
        var i = 0;
        for (; Next(ref reader) != JsonTokenType.EndArray; i++)
        {
            if (i == n)
            {
                throw RowCount(path, n, CountItems(matrixStart));
            }

            var rowPath = $"{path}[{i}]";
            var rowStart = reader;
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw PreferOuter(matrixStart, path, n, new($"{rowPath}: expected an array of {n} u16 values, got {Describe(ref reader)}"));
            }

            var j = 0;
            for (; Next(ref reader) != JsonTokenType.EndArray; j++)
            {
                if (j == n)
                {
                    throw PreferOuter(matrixStart, path, n, EntryCount(rowPath, n, CountItems(rowStart)));
                }

                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetUInt16(out var value))
                {
                    var cellError = new SimInputException($"{rowPath}[{j}]: expected an integer 0..65535, got {Describe(ref reader)}");
                    var entries = CountItems(rowStart);
                    throw PreferOuter(matrixStart, path, n, entries == n ? cellError : EntryCount(rowPath, n, entries));
                }

                builder.Add(j, value);
            }

            if (j != n)
            {
                throw PreferOuter(matrixStart, path, n, EntryCount(rowPath, n, j));
            }

            builder.EndRow();
        }

        return i == n ? builder.Build() : throw RowCount(path, n, i);
    }

    /// <summary>A matrix with the wrong number of rows reports that before any error inside a row.</summary>
    private static SimInputException PreferOuter(Utf8JsonReader matrixStart, string path, int n, SimInputException inner)
    {
        var rows = CountItems(matrixStart);
        return rows == n ? inner : RowCount(path, n, rows);
    }

    private static SimInputException EntryCount(string rowPath, int n, int entries) => new($"{rowPath}: expected {n} entries, got {entries}");

    private static SimInputException RowCount(string path, int n, int rows) => new($"{path}: expected {n} rows (one per neuron), got {rows}");

    private static ulong? OptionalU64(ref Utf8JsonReader reader, string path, ulong max = ulong.MaxValue, string? unit = null)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetUInt64(out var value) || value > max)
        {
            var range = max == ulong.MaxValue ? "an unsigned integer (0..18446744073709551615)" : $"an integer 0..{max}";
            var suffix = unit is null ? string.Empty : $" ({unit})";
            throw new SimInputException($"{path}: expected {range}{suffix}, got {Describe(ref reader)}");
        }

        return value;
    }

    private static ushort? OptionalU16(ref Utf8JsonReader reader, string path) =>
        OptionalInteger(ref reader, path, static (ref Utf8JsonReader r, out ushort value) => r.TryGetUInt16(out value), "0..65535");

    private static short? OptionalI16(ref Utf8JsonReader reader, string path) =>
        OptionalInteger(ref reader, path, static (ref Utf8JsonReader r, out short value) => r.TryGetInt16(out value), "-32768..32767");

    /// <summary>An integer of the range <paramref name="range"/> names, read by <paramref name="tryRead"/>; null for JSON null.</summary>
    private static T? OptionalInteger<T>(ref Utf8JsonReader reader, string path, TryReadInteger<T> tryRead, string range)
        where T : struct
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number || !tryRead(ref reader, out var value))
        {
            throw new SimInputException($"{path}: expected an integer {range}, got {Describe(ref reader)}");
        }

        return value;
    }

    private static LiquidAlphaConsensusMode? OptionalConsensusMode(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String && _consensusModes.TryGetValue(reader.GetString()!, out var mode))
        {
            return mode;
        }

        throw new SimInputException($"{path}: expected \"current\", \"previous\" or \"auto\", got {Describe(ref reader)}");
    }

    private static ImmutableArray<ushort>? OptionalU16Vector(ref Utf8JsonReader reader, string path, int n)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new SimInputException($"{path}: expected an array of {n} u16 values, got {Describe(ref reader)}");
        }

        var count = CountItems(reader);
        if (count != n)
        {
            throw new SimInputException($"{path}: expected {n} values (one per neuron), got {count}");
        }

        var values = ImmutableArray.CreateBuilder<ushort>(n);
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetUInt16(out var value))
            {
                throw new SimInputException($"{path}[{values.Count}]: expected an integer 0..65535, got {Describe(ref reader)}");
            }

            values.Add(value);
        }

        return values.MoveToImmutable();
    }

    private static bool? OptionalBool(ref Utf8JsonReader reader, string path) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw new SimInputException($"{path}: expected true or false, got {Describe(ref reader)}"),
    };

    private delegate bool TryReadInteger<T>(ref Utf8JsonReader reader, out T value);

    private static SimInputException Missing(string path) => new($"{path}: missing (required)");

    // JSON leaves a repeated name's meaning open (readers keep the first, the last, or fail), so which value an epoch
    // used would be a guess.
    private static SimInputException GivenTwice(string path) => new($"{path}: given twice; give each field once");

    /// <summary>Advances to the next token; the end of the input inside a value is invalid JSON.</summary>
    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("the input ends before the JSON value does");
        }

        return reader.TokenType;
    }

    /// <summary>How many items the array starting under <paramref name="reader"/> (a copy) holds.</summary>
    private static int CountItems(Utf8JsonReader reader)
    {
        var count = 0;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            reader.Skip();
            count++;
        }

        return count;
    }

    /// <summary>The value under the reader as an error message shows it: its text (shortened), or what kind of container it is.</summary>
    private static string Describe(ref Utf8JsonReader reader)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => $"an array of {CountItems(reader)}",
            JsonTokenType.String => $"\"{Encoding.UTF8.GetString(reader.ValueSpan)}\"",
            _ => Encoding.UTF8.GetString(reader.ValueSpan),
        };
        return text.Length > DescriptionLengthMax ? string.Concat(text.AsSpan(0, DescriptionLengthMax), "…") : text;
    }
}
