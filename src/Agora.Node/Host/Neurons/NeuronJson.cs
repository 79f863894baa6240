using System.Net;
using System.Text.Json;
using Agora.Core.Crypto;
using Agora.Core.FixedPoint;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Weights;

namespace Agora.Node.Host.Neurons;

/// <summary>
/// Renders the neuron methods' results (spec/interfaces.md): proportions as the exact decimal expansion of the stored
/// I32F32 (<see cref="I32F32.ToDecimalString"/>, the same text <c>agora sim epoch</c> prints), rao as integers, accounts
/// as SS58, matrix rows as <c>[[uid, u16], …]</c>.
/// </summary>
internal static class NeuronJson
{
    /// <summary><c>{netuid, block, neurons: […]}</c>.</summary>
    public static void WriteMetagraph(Utf8JsonWriter writer, Metagraph metagraph)
    {
        writer.WriteStartObject();
        writer.WriteNumber("netuid", metagraph.Netuid);
        writer.WriteNumber("block", metagraph.Block);
        writer.WriteStartArray("neurons");
        foreach (var neuron in metagraph.Neurons)
        {
            writer.WriteStartObject();
            WriteNeuronFields(writer, neuron);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The metagraph object of one neuron plus its weights row.</summary>
    public static void WriteNeuron(Utf8JsonWriter writer, MetagraphNeuron neuron, SparseU16Row weights)
    {
        writer.WriteStartObject();
        WriteNeuronFields(writer, neuron);
        writer.WritePropertyName("weights");
        WriteEntries(writer, weights);
        writer.WriteEndObject();
    }

    /// <summary><c>{netuid, block, rows: [{uid, entries}]}</c>.</summary>
    public static void WriteRows(Utf8JsonWriter writer, ushort netuid, ulong block, IEnumerable<(ushort Uid, SparseU16Row Row)> rows)
    {
        writer.WriteStartObject();
        writer.WriteNumber("netuid", netuid);
        writer.WriteNumber("block", block);
        writer.WriteStartArray("rows");
        foreach (var (uid, row) in rows)
        {
            writer.WriteStartObject();
            writer.WriteNumber("uid", uid);
            writer.WritePropertyName("entries");
            WriteEntries(writer, row);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A row as <c>[[uid, value], …]</c>.</summary>
    public static void WriteEntries(Utf8JsonWriter writer, SparseU16Row row)
    {
        writer.WriteStartArray();
        foreach (var (uid, value) in row.Entries)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(uid);
            writer.WriteNumberValue(value);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    /// <summary>An IPv4 address in dotted form, an IPv6 one in its compressed text form.</summary>
    public static string IpText(ReadOnlySpan<byte> ip) => new IPAddress(ip).ToString();

    private static void WriteNeuronFields(Utf8JsonWriter writer, MetagraphNeuron neuron)
    {
        var outputs = neuron.Outputs;
        writer.WriteNumber("uid", neuron.Uid);
        writer.WriteString("hotkey", Ss58.Encode(neuron.Info.Hotkey));
        if (neuron.Coldkey is { } coldkey)
        {
            writer.WriteString("coldkey", Ss58.Encode(coldkey));
        }
        else
        {
            writer.WriteNull("coldkey");
        }

        writer.WriteNumber("stake", neuron.Stake.Value);
        WriteProportion(writer, "rank", outputs.Rank);
        WriteProportion(writer, "trust", outputs.Trust);
        WriteProportion(writer, "consensus", outputs.Consensus);
        WriteProportion(writer, "incentive", outputs.Incentive);
        WriteProportion(writer, "dividends", outputs.Dividends);
        writer.WriteNumber("emission", outputs.Emission.Value);
        WriteProportion(writer, "validator_trust", outputs.ValidatorTrust);
        writer.WriteBoolean("validator_permit", outputs.ValidatorPermit);
        writer.WriteBoolean("active", neuron.Active);
        writer.WriteNumber("last_update", neuron.LastUpdate);
        writer.WriteNumber("block_at_registration", neuron.Info.BlockAtRegistration);
        WriteAxon(writer, neuron.Axon);
    }

    private static void WriteAxon(Utf8JsonWriter writer, AxonInfo? axon)
    {
        if (axon is null)
        {
            writer.WriteNull("axon");
            return;
        }

        writer.WriteStartObject("axon");
        writer.WriteString("ip", IpText(axon.Ip.Span));
        writer.WriteNumber("port", axon.Port);
        writer.WriteNumber("protocol", axon.Protocol);
        writer.WriteNumber("version", axon.Version);
        writer.WriteEndObject();
    }

    private static void WriteProportion(Utf8JsonWriter writer, string name, I32F32 value)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(value.ToDecimalString(), skipInputValidation: true);
    }
}
