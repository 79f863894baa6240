using System.Collections.Immutable;
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
    /// <summary>Writes one epoch's output (the <paramref name="fields"/> chosen) as a JSON document followed by a newline.</summary>
    public static void Write(TextWriter text, EpochOutput output, OutputFields fields)
    {
        using var sink = new JsonTextSink(text);
        var writer = sink.Writer;
        writer.WriteStartObject();
        WriteFields(sink, output, fields);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes several epochs as <c>{ "epochs": [ { "epoch", "current_block", "emission_in", ...outputs }, ... ] }</c>
    /// and a newline, each epoch as soon as <paramref name="epochs"/> yields it, so a long run never holds more than
    /// one epoch's text. <paramref name="withStake"/> adds each epoch's input stakes (rao) as <c>stake</c> after
    /// <c>emission_in</c>.
    /// </summary>
    public static void WriteEpochs(TextWriter text, IEnumerable<(EpochInput Input, EpochOutput Output)> epochs, OutputFields fields, bool withStake)
    {
        using var sink = new JsonTextSink(text);
        var writer = sink.Writer;
        writer.WriteStartObject();
        writer.WriteStartArray("epochs");
        var e = 0;
        foreach (var (input, output) in epochs)
        {
            writer.WriteStartObject();
            writer.WriteNumber("epoch", e++);
            writer.WriteNumber("current_block", input.CurrentBlock);
            writer.WriteNumber("emission_in", input.Emission);
            if (withStake)
            {
                writer.WriteStartArray("stake");
                foreach (var neuron in input.Neurons)
                {
                    writer.WriteNumberValue(neuron.Stake);
                }

                writer.WriteEndArray();
            }

            WriteFields(sink, output, fields);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteFields(JsonTextSink sink, EpochOutput output, OutputFields fields)
    {
        var writer = sink.Writer;
        WriteProportions(writer, fields, "rank", output.Rank);
        WriteProportions(writer, fields, "trust", output.Trust);
        WriteProportions(writer, fields, "consensus", output.Consensus);
        WriteProportions(writer, fields, "incentive", output.Incentive);
        WriteProportions(writer, fields, "dividends", output.Dividends);
        WriteProportions(writer, fields, "validator_trust", output.ValidatorTrust);
        WriteIntegers(writer, fields, "emission", output.Emission);
        WriteIntegers(writer, fields, "miner_emission", output.MinerEmission);
        WriteIntegers(writer, fields, "validator_emission", output.ValidatorEmission);
        if (fields.Includes("dust"))
        {
            writer.WriteNumber("dust", output.Dust);
        }

        if (fields.Includes("validator_permit"))
        {
            writer.WriteStartArray("validator_permit");
            foreach (var permit in output.ValidatorPermit)
            {
                writer.WriteBooleanValue(permit);
            }

            writer.WriteEndArray();
        }

        if (fields.Includes("bonds"))
        {
            writer.WriteStartArray("bonds");
            var row = new BondRowText(output.Bonds.Size);
            for (var i = 0; i < output.Bonds.Size; i++)
            {
                writer.WriteRawValue(row.Format(output.Bonds.RowColumns(i), output.Bonds.RowValues(i)), skipInputValidation: true);
                sink.Drain();
            }

            writer.WriteEndArray();
        }

        WriteIntegers(writer, fields, "pruning_score", output.PruningScore);
    }

    private static void WriteProportions(Utf8JsonWriter writer, OutputFields fields, string name, ImmutableArray<I32F32> values)
    {
        if (!fields.Includes(name))
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteRawValue(value.ToDecimalString(), skipInputValidation: true);
        }

        writer.WriteEndArray();
    }

    private static void WriteIntegers(Utf8JsonWriter writer, OutputFields fields, string name, ImmutableArray<ulong> values)
    {
        if (!fields.Includes(name))
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }
}
