using System.Buffers;
using System.Text.Json;
using Agora.Yuma;

namespace Agora.Bench.Sim;

/// <summary>An epoch input written in the <c>sim epoch</c> JSON format (spec/interfaces.md), matrices dense.</summary>
internal static class SimInputText
{
    public static byte[] Write(EpochInput input)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("current_block", input.CurrentBlock);
            writer.WriteNumber("emission", input.Emission);
            writer.WriteNumber("max_allowed_validators", input.Parameters.MaxAllowedValidators);
            writer.WriteStartArray("neurons");
            foreach (var neuron in input.Neurons)
            {
                writer.WriteStartObject();
                writer.WriteNumber("stake", neuron.Stake);
                writer.WriteNumber("last_update", neuron.LastUpdate);
                writer.WriteNumber("block_at_registration", neuron.BlockAtRegistration);
                writer.WriteBoolean("validator_permit", neuron.ValidatorPermit);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteMatrix(writer, "weights", input.Weights);
            WriteMatrix(writer, "bonds", input.Bonds);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteMatrix(Utf8JsonWriter writer, string name, SparseU16Matrix matrix)
    {
        writer.WriteStartArray(name);
        foreach (var row in matrix.ToDense())
        {
            writer.WriteStartArray();
            foreach (var value in row)
            {
                writer.WriteNumberValue(value);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
