using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Agora.Core.FixedPoint;
using Agora.Yuma;

namespace Agora.Cli.Commands.Sim;

/// <summary>
/// Writes epoch outputs in the <c>agora sim epoch</c> format: snake_case keys, proportions as exact decimal
/// expansions of the I32F32 values (no floating point), rao and u16 bonds as integers.
/// </summary>
internal static class EpochOutputJson
{
    /// <summary>One epoch's output as a JSON document followed by a newline.</summary>
    public static string Format(EpochOutput output) => Write(writer =>
    {
        writer.WriteStartObject();
        WriteFields(writer, output);
        writer.WriteEndObject();
    });

    /// <summary>
    /// Several epochs as <c>{ "epochs": [ { "epoch", "current_block", "emission_in", ...outputs }, ... ] }</c>.
    /// </summary>
    public static string FormatEpochs(IReadOnlyList<(EpochInput Input, EpochOutput Output)> epochs) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("epochs");
        for (var e = 0; e < epochs.Count; e++)
        {
            writer.WriteStartObject();
            writer.WriteNumber("epoch", e);
            writer.WriteNumber("current_block", epochs[e].Input.CurrentBlock);
            writer.WriteNumber("emission_in", epochs[e].Input.Emission);
            WriteFields(writer, epochs[e].Output);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = false }))
        {
            body(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteFields(Utf8JsonWriter writer, EpochOutput output)
    {
        WriteProportions(writer, "rank", output.Rank);
        WriteProportions(writer, "trust", output.Trust);
        WriteProportions(writer, "consensus", output.Consensus);
        WriteProportions(writer, "incentive", output.Incentive);
        WriteProportions(writer, "dividends", output.Dividends);
        WriteProportions(writer, "validator_trust", output.ValidatorTrust);
        WriteIntegers(writer, "emission", output.Emission);
        WriteIntegers(writer, "miner_emission", output.MinerEmission);
        WriteIntegers(writer, "validator_emission", output.ValidatorEmission);
        writer.WriteNumber("dust", output.Dust);
        writer.WriteStartArray("validator_permit");
        foreach (var permit in output.ValidatorPermit)
        {
            writer.WriteBooleanValue(permit);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("bonds");
        foreach (var row in output.Bonds.ToDense())
        {
            writer.WriteStartArray();
            foreach (var value in row)
            {
                writer.WriteNumberValue(value);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        WriteIntegers(writer, "pruning_score", output.PruningScore);
    }

    private static void WriteProportions(Utf8JsonWriter writer, string name, ImmutableArray<I32F32> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteRawValue(value.ToDecimalString(), skipInputValidation: true);
        }

        writer.WriteEndArray();
    }

    private static void WriteIntegers(Utf8JsonWriter writer, string name, ImmutableArray<ulong> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }
}
