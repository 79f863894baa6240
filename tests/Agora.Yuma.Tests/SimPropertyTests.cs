using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Agora.Yuma.Tests;

/// <summary>
/// <c>sim epoch</c> and <c>sim epochs</c> over random well-typed inputs at the edges: no neurons, u64-max blocks,
/// stakes and emissions, a zero tempo, optional fields present or not, weight schedules, compounding or not. Whatever
/// the input, a run ends in JSON or in an error line, never in an unhandled exception, and what it pays adds up.
/// </summary>
public sealed class SimPropertyTests
{
    private static readonly Gen<ulong> Edge = Gen.OneOf(Gen.Const(0UL), Gen.Const(ulong.MaxValue), Gen.ULong[0, 1_000], Gen.ULong);

    private static readonly Gen<(string Json, int Epochs, bool Compound)> Run =
        from n in Gen.Int[0, 4]
        from neurons in Neuron.Array[n]
        from weights in Matrix(n)
        from bonds in Matrix(n)
        from schedule in Gen.Int[0, 2].SelectMany(count => Matrix(n).Array[count])
        from currentBlock in Edge
        from emission in Edge
        from optional in Gen.Bool.Array[7]
        from tempo in Gen.OneOf(Gen.Const(0UL), Gen.ULong[1, 400], Edge)
        from lastEpochBlock in Edge
        from activityCutoff in Edge
        from kappa in Gen.UShort
        from penalty in Gen.UShort
        from movingAverage in Gen.ULong[0, 1_000_000]
        from maxValidators in Gen.Int[0, 5]
        from epochs in Gen.Int[1, 4]
        from compound in Gen.Bool
        from bondModel in BondModelFields
        select (Input(neurons, weights, bonds, schedule, currentBlock, emission, Optional(optional, tempo, lastEpochBlock, activityCutoff, kappa, penalty, movingAverage, maxValidators, bondModel)), epochs, compound);

    /// <summary>The bond model's fields, each present or not; alpha_low above alpha_high is an input error the runs meet too.</summary>
    private static Gen<JsonObject> BondModelFields =>
        from present in Gen.Bool.Array[6]
        from yuma3 in Gen.Bool
        from liquid in Gen.Bool
        from low in Gen.UShort
        from high in Gen.UShort
        from steepness in Gen.Short
        from mode in Gen.OneOf(Gen.Const("current"), Gen.Const("previous"), Gen.Const("auto"))
        select Present(
            present,
            ["yuma3_enabled", "liquid_alpha_enabled", "alpha_low", "alpha_high", "alpha_sigmoid_steepness", "liquid_alpha_consensus_mode"],
            [yuma3, liquid, low, high, steepness, mode]);

    private static Gen<JsonObject> Neuron =>
        from stake in Edge
        from lastUpdate in Edge
        from registered in Edge
        from permit in Gen.Bool
        select new JsonObject { ["stake"] = stake, ["last_update"] = lastUpdate, ["block_at_registration"] = registered, ["validator_permit"] = permit };

    [Fact]
    public void Every_run_ends_in_json_or_an_error_line_and_pays_out_what_came_in()
    {
        Run.Sample(run =>
        {
            string[] arguments = ["sim", "epochs", "--input", "-", "--epochs", run.Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            var (exit, stdout, stderr) = CliTests.Invoke(run.Json, run.Compound ? [.. arguments, "--compound"] : arguments);

            // stderr holds warnings, then an error line exactly when the run failed.
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.All(lines.SkipLast(1), line => Assert.StartsWith("warning: ", line, StringComparison.Ordinal));
            Assert.Equal(exit != 0, lines.Length > 0 && lines[^1].StartsWith("error: ", StringComparison.Ordinal));
            if (stdout.Length == 0)
            {
                // Rejected before the first epoch.
                Assert.NotEqual(0, exit);
                return;
            }

            using var document = JsonDocument.Parse(stdout);
            var epochs = document.RootElement.GetProperty("epochs").EnumerateArray().ToList();
            Assert.Equal(exit == 0, epochs.Count == run.Epochs);
            foreach (var epoch in epochs)
            {
                var paid = epoch.GetProperty("emission").EnumerateArray().Aggregate(UInt128.Zero, (sum, rao) => sum + rao.GetUInt64());
                Assert.Equal((UInt128)epoch.GetProperty("emission_in").GetUInt64(), paid + epoch.GetProperty("dust").GetUInt64());
                Assert.Equal(run.Compound, epoch.TryGetProperty("stake", out _));
            }

            // sim epoch prints what the first epoch of sim epochs does, less its header fields (a weights schedule
            // gives that epoch its first entry instead of "weights").
            var (oneExit, one, _) = CliTests.Invoke(run.Json, "sim", "epoch", "--input", "-");
            Assert.Equal(0, oneExit);
            var first = JsonNode.Parse(epochs[0].GetRawText())!.AsObject();
            foreach (var header in new[] { "epoch", "current_block", "emission_in", "stake" })
            {
                first.Remove(header);
            }

            Assert.True(run.Json.Contains("weights_schedule", StringComparison.Ordinal) || one.TrimEnd('\n') == first.ToJsonString(), $"sim epoch: {one}\nsim epochs' first: {first.ToJsonString()}");

            // Compounding, each epoch's stakes are the last one's plus what it paid them.
            for (var e = 1; run.Compound && e < epochs.Count; e++)
            {
                var expected = epochs[e - 1].GetProperty("stake").EnumerateArray().Zip(epochs[e - 1].GetProperty("emission").EnumerateArray(), (stake, paid) => stake.GetUInt64() + paid.GetUInt64());
                Assert.Equal(expected, epochs[e].GetProperty("stake").EnumerateArray().Select(stake => stake.GetUInt64()));
            }
        }, iter: 3000);
    }

    private static string Input(JsonObject[] neurons, JsonArray weights, JsonArray bonds, JsonArray[] schedule, ulong currentBlock, ulong emission, JsonObject optional)
    {
        var input = new JsonObject
        {
            ["current_block"] = currentBlock,
            ["emission"] = emission,
            ["neurons"] = new JsonArray([.. neurons]),
            ["weights"] = weights,
            ["bonds"] = bonds,
        };
        if (schedule.Length > 0)
        {
            input["weights_schedule"] = new JsonArray([.. schedule]);
        }

        foreach (var (name, value) in optional)
        {
            input[name] = value?.DeepClone();
        }

        return input.ToJsonString();
    }

    /// <summary>The optional fields, each present or not as <paramref name="present"/> says.</summary>
    private static JsonObject Optional(bool[] present, ulong tempo, ulong lastEpochBlock, ulong activityCutoff, ushort kappa, ushort penalty, ulong movingAverage, int maxValidators, JsonObject bondModel)
    {
        var optional = Present(
            present,
            ["tempo", "last_epoch_block", "activity_cutoff", "kappa", "bonds_penalty", "bonds_moving_average", "max_allowed_validators"],
            [tempo, lastEpochBlock, activityCutoff, kappa, penalty, movingAverage, maxValidators]);
        foreach (var (name, value) in bondModel)
        {
            optional[name] = value?.DeepClone();
        }

        return optional;
    }

    /// <summary>The fields <paramref name="present"/> marks, with their values.</summary>
    private static JsonObject Present(bool[] present, string[] names, JsonNode[] values)
    {
        var optional = new JsonObject();
        for (var k = 0; k < names.Length; k++)
        {
            if (present[k])
            {
                optional[names[k]] = values[k];
            }
        }

        return optional;
    }

    private static Gen<JsonArray> Matrix(int n) =>
        Gen.OneOf(Gen.Const((ushort)0), Gen.UShort).Array[n].Array[n]
            .Select(rows => new JsonArray([.. rows.Select(row => (JsonNode)new JsonArray([.. row.Select(value => (JsonNode)value)]))]));
}
