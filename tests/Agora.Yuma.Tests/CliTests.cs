using System.CommandLine;
using System.Text.Json;
using Agora.Cli.Commands.Sim;

namespace Agora.Yuma.Tests;

/// <summary><c>agora sim epoch</c> and <c>sim epochs</c> invoked in process with string writers.</summary>
public sealed class CliTests
{
    internal static (int Exit, string Out, string Err) Invoke(string stdin, params string[] args)
    {
        var root = new RootCommand("test");
        using var reader = new StringReader(stdin);
        root.Subcommands.Add(SimCommand.Create(reader));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static string VectorInput(string name) =>
        Vectors.Cases().Single(c => c.GetProperty("name").GetString() == name).GetProperty("input").GetRawText();

    [Fact]
    public void Sim_epoch_on_a_public_vector_prints_the_expected_json()
    {
        // Given test_bonds epoch 5 on stdin
        var vector = Vectors.Cases().Single(c => c.GetProperty("name").GetString() == "test_bonds epoch 5");

        // When sim epoch runs
        var (exit, stdout, stderr) = Invoke(vector.GetProperty("input").GetRawText(), "sim", "epoch", "--input", "-");

        // Then it succeeds and every expected field matches exactly
        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        foreach (var field in vector.GetProperty("expected").EnumerateObject())
        {
            Assert.Equal(
                JsonSerializer.Serialize(field.Value.EnumerateArray().Select(Canonical)),
                JsonSerializer.Serialize(root.GetProperty(field.Name).EnumerateArray().Select(Canonical)));
        }

        Assert.Equal(2UL, root.GetProperty("dust").GetUInt64());
    }

    [Fact]
    public void Sim_epoch_prints_proportions_as_exact_decimals_and_reads_files()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, VectorInput("test_bonds epoch 1"));
            var (exit, stdout, _) = Invoke(string.Empty, "sim", "epoch", "--input", path);

            Assert.Equal(0, exit);
            Assert.Contains("\"validator_trust\":[0.99999999953433871269226074218750".TrimEnd('0'), stdout, StringComparison.Ordinal);
            Assert.EndsWith("\n", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{"current_block":1,"emission":1,"neurons":[{"stake":1,"last_update":0,"block_at_registration":0,"validator_permit":true},{"last_update":0,"block_at_registration":0,"validator_permit":true}],"weights":[[0,0],[0,0]],"bonds":[[0,0],[0,0]]}""", "neurons[1].stake: missing")]
    [InlineData("""{"current_block":1,"emission":1,"neurons":[{"stake":1,"last_update":0,"block_at_registration":0,"validator_permit":true}],"weights":[[0,0]],"bonds":[[0]]}""", "weights[0]: expected 1 entries, got 2")]
    [InlineData("""{"current_block":1,"emission":1,"neurons":[{"stake":1,"last_update":0,"block_at_registration":0,"validator_permit":true}],"weights":[],"bonds":[[0]]}""", "weights: expected 1 rows")]
    [InlineData("""{"current_block":1,"emission":1,"neurons":[{"stake":1,"last_update":0,"block_at_registration":0,"validator_permit":true}],"weights":[[65536]],"bonds":[[0]]}""", "weights[0][0]: expected an integer 0..65535, got 65536")]
    [InlineData("""{"current_block":1,"emission":1,"kappa":-1,"neurons":[],"weights":[],"bonds":[]}""", "kappa: expected an integer 0..65535, got -1")]
    [InlineData("""{"current_block":1,"emission":1,"bonds_moving_average":1000001,"neurons":[],"weights":[],"bonds":[]}""", "bonds_moving_average: expected an integer 0..1000000")]
    [InlineData("""{"current_block":1,"neurons":[],"weights":[],"bonds":[]}""", "emission: missing")]
    [InlineData("""{"current_block":1,"emission":1,"neurons":[{"stake":1,"last_update":0,"block_at_registration":0,"validator_permit":"yes"}],"weights":[[0]],"bonds":[[0]]}""", "neurons[0].validator_permit: expected true or false")]
    [InlineData("""{"current_block":1.5,"emission":1,"neurons":[],"weights":[],"bonds":[]}""", "current_block: expected an unsigned integer")]
    [InlineData("""{"current_block":1,"emission":1,"neurons":[],"weights":[],"bonds":[]""", "input: not valid JSON")]
    [InlineData("""[1,2]""", "input: expected a JSON object")]
    [InlineData("""{"current_block":1,"emission":1,"kappa":1,"neurons":[],"weights":[],"bonds":[],"kappa":2}""", "kappa: given twice; give each field once")]
    [InlineData("""{"current_block":1,"emission":1,"neurons":[{"stake":1,"last_update":0,"stake":2,"block_at_registration":0,"validator_permit":true}],"weights":[[0]],"bonds":[[0]]}""", "neurons[0].stake: given twice")]
    [InlineData("""{"current_block":1,"emission":1,"weights":[[0]],"neurons":[{"stake":1,"last_update":0,"block_at_registration":0,"validator_permit":true}],"weights":[[0]],"bonds":[[0]]}""", "weights: given twice")]
    [InlineData("""{"current_block":1,"emission":1,"yuma3_enabled":"yes","neurons":[],"weights":[],"bonds":[]}""", "yuma3_enabled: expected true or false, got \"yes\"")]
    [InlineData("""{"current_block":1,"emission":1,"liquid_alpha_enabled":1,"neurons":[],"weights":[],"bonds":[]}""", "liquid_alpha_enabled: expected true or false, got 1")]
    [InlineData("""{"current_block":1,"emission":1,"alpha_high":70000,"neurons":[],"weights":[],"bonds":[]}""", "alpha_high: expected an integer 0..65535, got 70000")]
    [InlineData("""{"current_block":1,"emission":1,"alpha_low":40000,"alpha_high":30000,"neurons":[],"weights":[],"bonds":[]}""", "alpha_low: expected at most alpha_high (30000), got 40000")]
    [InlineData("""{"current_block":1,"emission":1,"alpha_sigmoid_steepness":-32769,"neurons":[],"weights":[],"bonds":[]}""", "alpha_sigmoid_steepness: expected an integer -32768..32767, got -32769")]
    [InlineData("""{"current_block":1,"emission":1,"liquid_alpha_consensus_mode":"mixed","neurons":[],"weights":[],"bonds":[]}""", "liquid_alpha_consensus_mode: expected \"current\", \"previous\" or \"auto\", got \"mixed\"")]
    [InlineData("""{"current_block":1,"emission":1,"previous_consensus":[1],"neurons":[],"weights":[],"bonds":[]}""", "previous_consensus: expected 0 values (one per neuron), got 1")]
    [InlineData("""{"current_block":1,"emission":1,"previous_consensus":[-1],"neurons":[{"stake":1,"last_update":0,"block_at_registration":0,"validator_permit":true}],"weights":[[0]],"bonds":[[0]]}""", "previous_consensus[0]: expected an integer 0..65535, got -1")]
    [InlineData("""{"current_block":1,"emission":1,"previous_consensus":7,"neurons":[],"weights":[],"bonds":[]}""", "previous_consensus: expected an array of 0 u16 values, got 7")]
    public void Sim_epoch_rejects_malformed_input_naming_the_field(string json, string message)
    {
        var (exit, stdout, stderr) = Invoke(json, "sim", "epoch", "--input", "-");

        Assert.NotEqual(0, exit);
        Assert.Empty(stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sim_epoch_warns_about_unknown_fields_and_suggests_the_known_name()
    {
        // Given test_bonds epoch 5 with κ misspelt (so the default κ applies), a note field and a neuron's typo
        var input = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(VectorInput("test_bonds epoch 5"))!;
        input["kapa"] = JsonDocument.Parse("1").RootElement.Clone();
        input["note"] = JsonDocument.Parse("\"from a notebook\"").RootElement.Clone();
        var neurons = JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(input["neurons"].GetRawText())!;
        neurons[2]["last_updated"] = JsonDocument.Parse("7").RootElement.Clone();
        input["neurons"] = JsonSerializer.SerializeToElement(neurons);

        // When sim epoch runs
        var (exit, stdout, stderr) = Invoke(JsonSerializer.Serialize(input), "sim", "epoch", "--input", "-");

        // Then it still runs (on the defaults) and says, on stderr, what it ignored and what was probably meant
        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(stdout);
        var (expectedExit, expectedStdout, _) = Invoke(VectorInput("test_bonds epoch 5"), "sim", "epoch", "--input", "-");
        Assert.Equal(0, expectedExit);
        Assert.Equal(expectedStdout, stdout);
        Assert.Equal(
            [
                "warning: kapa: unknown field, ignored (did you mean kappa?)",
                "warning: note: unknown field, ignored",
                "warning: neurons[2].last_updated: unknown field, ignored (did you mean last_update?)",
            ],
            stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Sim_epoch_reads_the_bond_model_fields_and_warns_that_liquid_alpha_needs_yuma3()
    {
        // Given the Yuma 3 example, which holds the reference scenario's hyperparameters, and the engine run directly on it
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "yuma3-kappa-moves-first.json"));
        var (exit, stdout, _) = Invoke(json, "sim", "epoch", "--input", "-", "--fields", "dividends,bonds");
        Assert.Equal(0, exit);

        // Then the command's dividends and bonds are the engine's with those parameters, which differ from classic
        var parsed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        var parameters = Yuma3ReferenceTests.ReferenceParameters;
        var weights = parsed["weights"].Deserialize<ushort[][]>()!;
        var input = Epochs.Dense([8, 1, 1, 0, 0], weights, permits: [true, true, true, false, false], currentBlock: 100,
            lastUpdate: [99, 99, 99, 99, 99], parameters: parameters, lastEpochBlock: null);
        var expected = YumaEpoch.Run(input);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(expected.Dividends.Select(d => d.ToDecimalString()), document.RootElement.GetProperty("dividends").EnumerateArray().Select(d => d.GetRawText()));
        Assert.Equal(expected.Bonds.ToDense(), document.RootElement.GetProperty("bonds").Deserialize<ushort[][]>());
        Assert.Equal(6640, expected.Bonds[0, 3]);
        Assert.NotEqual(expected.Bonds.ToDense(), YumaEpoch.Run(input with { Parameters = parameters with { Yuma3Enabled = false } }).Bonds.ToDense());

        // And liquid alpha without Yuma 3 runs the classic model, with a warning
        var (classicExit, classicStdout, classicStderr) = Invoke(json.Replace("\"yuma3_enabled\": true", "\"yuma3_enabled\": false", StringComparison.Ordinal), "sim", "epoch", "--input", "-", "--fields", "bonds");
        Assert.Equal(0, classicExit);
        Assert.Equal(JsonSerializer.Serialize(new { bonds = YumaEpoch.Run(input with { Parameters = parameters with { Yuma3Enabled = false } }).Bonds.ToDense() }), classicStdout.Trim());
        Assert.StartsWith("warning: liquid_alpha_enabled: no effect without yuma3_enabled", classicStderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sim_epochs_feeds_each_epochs_stored_consensus_to_liquid_alpha_in_previous_mode()
    {
        // Given the Yuma 3 example with liquid alpha judged against the previous epoch's consensus
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "yuma3-kappa-moves-first.json"))
            .Replace("\"alpha_sigmoid_steepness\": 1000,", "\"alpha_sigmoid_steepness\": 1000, \"liquid_alpha_consensus_mode\": \"previous\",", StringComparison.Ordinal);
        Assert.True(EpochInputJson.TryParse(json, out var parsed, out var error), error);
        var (exit, stdout, _) = Invoke(json, "sim", "epochs", "--input", "-", "--epochs", "4", "--fields", "dividends,bonds");
        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(stdout);
        var epochs = document.RootElement.GetProperty("epochs").EnumerateArray().ToList();

        // Then each epoch is the engine's run on the previous epoch's bonds, permits and stored consensus: the first
        // with none stored (all zero, so liquid alpha is off), the rest with the epoch before's
        var input = parsed.Epoch with { Weights = parsed.WeightsSchedule[0] };
        for (var e = 0; e < 4; e++)
        {
            var output = YumaEpoch.Run(input);
            Assert.Equal(output.Dividends.Select(d => d.ToDecimalString()), epochs[e].GetProperty("dividends").EnumerateArray().Select(d => d.GetRawText()));
            Assert.Equal(output.Bonds.ToDense(), epochs[e].GetProperty("bonds").Deserialize<ushort[][]>());
            var neurons = input.Neurons.Select((neuron, i) => neuron with { ValidatorPermit = output.ValidatorPermit[i], LastUpdate = i < 3 ? input.CurrentBlock + 1 : neuron.LastUpdate });
            input = input with
            {
                CurrentBlock = input.CurrentBlock + 1,
                LastEpochBlock = input.CurrentBlock,
                Emission = parsed.Epoch.Emission + output.Dust,
                Neurons = [.. neurons],
                Weights = parsed.WeightsSchedule[int.Min(e + 1, 3)],
                Bonds = output.Bonds,
                PreviousConsensus = output.StoredConsensus(),
            };
        }

        // And it differs from judging leads against the current consensus
        var (_, current, _) = Invoke(json.Replace("\"previous\"", "\"current\"", StringComparison.Ordinal), "sim", "epochs", "--input", "-", "--epochs", "4", "--fields", "dividends,bonds");
        Assert.NotEqual(current, stdout);
    }

    [Theory]
    [InlineData("kappa", "kappa", 0)]
    [InlineData("kapa", "kappa", 1)]
    [InlineData("tempo", "temp", 1)]
    [InlineData("bonds", "bands", 1)]
    [InlineData("stake", "", 5)]
    [InlineData("emision", "emission", 1)]
    [InlineData("last_epoch", "last_update", 5)]
    public void Edit_distance_counts_single_character_edits(string a, string b, int distance)
    {
        Assert.Equal(distance, UnknownFields.EditDistance(a, b));
        Assert.Equal(distance, UnknownFields.EditDistance(b, a));
    }

    [Fact]
    public void Sim_epoch_reads_matrices_that_come_before_the_neurons()
    {
        // Given test_bonds epoch 5 with weights and bonds moved in front of everything (n is not yet known there)
        var input = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(VectorInput("test_bonds epoch 5"))!;
        var reordered = new Dictionary<string, JsonElement> { ["bonds"] = input["bonds"], ["weights"] = input["weights"] };
        foreach (var (name, value) in input.Where(field => field.Key is not ("weights" or "bonds")))
        {
            reordered[name] = value;
        }

        // When sim epoch runs on both
        var (exit, stdout, stderr) = Invoke(JsonSerializer.Serialize(reordered), "sim", "epoch", "--input", "-");
        var (_, expected, _) = Invoke(VectorInput("test_bonds epoch 5"), "sim", "epoch", "--input", "-");

        // Then the order of the fields changes nothing
        Assert.True(exit == 0, stderr);
        Assert.Equal(expected, stdout);
    }

    [Theory]
    [InlineData("""[[1,2],[3]]""", "weights: expected 3 rows (one per neuron), got 2")]
    [InlineData("""[[1,2,3],[4,5],[6,7,8]]""", "weights[1]: expected 3 entries, got 2")]
    [InlineData("""[[1,2,3],[4,"x"],[6,7,8]]""", "weights[1]: expected 3 entries, got 2")]
    [InlineData("""[[1,2,3],[4,"x",5],[6,7,8]]""", "weights[1][1]: expected an integer 0..65535, got \"x\"")]
    [InlineData("""[[1,2,3],[4,5,6,7],[8,9,10]]""", "weights[1]: expected 3 entries, got 4")]
    [InlineData("""[[1,2,3],7,[8,9,10],[1,1,1]]""", "weights: expected 3 rows (one per neuron), got 4")]
    [InlineData("""[[1,2,3],7,[8,9,10]]""", "weights[1]: expected an array of 3 u16 values, got 7")]
    public void A_malformed_matrix_reports_its_outermost_problem_first(string weights, string message)
    {
        var json = $$"""{"current_block":1,"emission":1,"neurons":[{{string.Join(',', Enumerable.Repeat("""{"stake":1,"last_update":0,"block_at_registration":0,"validator_permit":true}""", 3))}}],"weights":{{weights}},"bonds":[[0,0,0],[0,0,0],[0,0,0]]}""";

        var (exit, stdout, stderr) = Invoke(json, "sim", "epoch", "--input", "-");

        Assert.NotEqual(0, exit);
        Assert.Empty(stdout);
        Assert.Equal($"error: {message}\n", stderr);
    }

    [Fact]
    public void Sim_epoch_reads_a_byte_order_mark_and_rejects_trailing_content()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes(VectorInput("test_bonds epoch 1"))]);
            Assert.Equal(0, Invoke(string.Empty, "sim", "epoch", "--input", path).Exit);

            File.AppendAllText(path, " {}");
            var (exit, stdout, stderr) = Invoke(string.Empty, "sim", "epoch", "--input", path);
            Assert.NotEqual(0, exit);
            Assert.Empty(stdout);
            Assert.StartsWith("error: input: not valid JSON (", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Sim_epoch_refuses_an_input_over_a_gibibyte_without_reading_it()
    {
        // A sparse file: its length is past the limit, though no byte of it is stored.
        var path = Path.GetTempFileName();
        try
        {
            using (var file = File.OpenWrite(path))
            {
                file.SetLength(EpochInputJson.InputBytesMax + 1L);
            }

            var (exit, stdout, stderr) = Invoke(string.Empty, "sim", "epoch", "--input", path);

            Assert.NotEqual(0, exit);
            Assert.Empty(stdout);
            Assert.Contains($"--input: '{path}' holds more than {EpochInputJson.InputBytesMax} bytes (1 GiB)", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Sim_epochs_writes_each_epoch_before_computing_the_next()
    {
        // Given a three-epoch run whose epochs are watched as the writer takes them
        Assert.True(EpochInputJson.TryParse(VectorInput("test_bonds epoch 5"), out var input, out var error), error);
        using var text = new StringWriter();
        var writtenWhenYielded = new List<int>();
        IEnumerable<(EpochInput, EpochOutput)> Watched()
        {
            foreach (var epoch in SimEpochsCommand.Simulate(input, 3, compound: false, reason => Assert.Fail(reason)))
            {
                writtenWhenYielded.Add(text.GetStringBuilder().Length);
                yield return epoch;
            }
        }

        // When the run is written
        EpochOutputJson.WriteEpochs(text, Watched(), OutputFields.All, withStake: false);

        // Then each epoch's bonds had reached the text before the next epoch was computed, and the document is whole
        Assert.Equal(3, writtenWhenYielded.Count);
        Assert.True(writtenWhenYielded[1] > writtenWhenYielded[0] && writtenWhenYielded[2] > writtenWhenYielded[1], string.Join(", ", writtenWhenYielded));
        Assert.Contains("\"bonds\":[[", text.ToString()[..writtenWhenYielded[1]], StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text.ToString());
        Assert.Equal(3, document.RootElement.GetProperty("epochs").GetArrayLength());
        Assert.EndsWith("\n", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sim_epoch_accepts_u64_max_values()
    {
        var json = """{"current_block":18446744073709551615,"emission":18446744073709551615,"neurons":[{"stake":18446744073709551615,"last_update":18446744073709551615,"block_at_registration":0,"validator_permit":true}],"weights":[[0]],"bonds":[[0]]}""";

        var (exit, stdout, _) = Invoke(json, "sim", "epoch", "--input", "-");

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(stdout);
        var paid = document.RootElement.GetProperty("emission")[0].GetUInt64();
        Assert.Equal(ulong.MaxValue, paid + document.RootElement.GetProperty("dust").GetUInt64());
    }

    [Fact]
    public void Sim_epochs_on_a_subnet_without_neurons_carries_every_emission_as_dust()
    {
        var (exit, stdout, stderr) = Invoke("""{"current_block":10,"emission":5,"neurons":[],"weights":[],"bonds":[]}""", "sim", "epochs", "--input", "-", "--epochs", "3");

        Assert.Equal((0, string.Empty), (exit, stderr));
        using var document = JsonDocument.Parse(stdout);
        var epochs = document.RootElement.GetProperty("epochs").EnumerateArray().ToList();

        // Nobody to pay: each epoch's 5 rao plus the dust carried in is carried on (5, 10, 15).
        Assert.Equal([5UL, 10UL, 15UL], epochs.Select(epoch => epoch.GetProperty("emission_in").GetUInt64()));
        Assert.Equal([5UL, 10UL, 15UL], epochs.Select(epoch => epoch.GetProperty("dust").GetUInt64()));
        Assert.All(epochs, epoch => Assert.Equal(0, epoch.GetProperty("bonds").GetArrayLength()));
    }

    [Fact]
    public void Sim_epoch_with_a_missing_file_says_which_file()
    {
        var (exit, _, stderr) = Invoke(string.Empty, "sim", "epoch", "--input", "/nonexistent/epoch.json");

        Assert.NotEqual(0, exit);
        Assert.Contains("--input: cannot read '/nonexistent/epoch.json'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sim_epochs_feeds_bonds_permits_and_dust_forward_like_the_public_vectors()
    {
        // Given test_bonds epoch 5's input (weights then stay as they are)
        var (exit, stdout, _) = Invoke(VectorInput("test_bonds epoch 5"), "sim", "epochs", "--input", "-", "--epochs", "3");

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(stdout);
        var epochs = document.RootElement.GetProperty("epochs");
        Assert.Equal(3, epochs.GetArrayLength());

        // Then epoch 2 carries the bonds forward and matches the vector of test_bonds epoch 7 (emission differs only
        // because sim epochs adds the carried dust to each epoch's emission)
        var e7 = Vectors.Cases().Single(c => c.GetProperty("name").GetString() == "test_bonds epoch 7").GetProperty("expected");
        Assert.Equal(
            e7.GetProperty("bonds").GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal),
            epochs[2].GetProperty("bonds").GetRawText());
        Assert.Equal(
            e7.GetProperty("dividends").EnumerateArray().Select(e => e.GetDouble()),
            epochs[2].GetProperty("dividends").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(10UL, epochs[2].GetProperty("current_block").GetUInt64()); // 6, then tempo 1 + 1 per epoch
        var dust0 = epochs[0].GetProperty("dust").GetUInt64();
        Assert.Equal(1_000_000_000UL + dust0, epochs[1].GetProperty("emission_in").GetUInt64());
    }

    [Fact]
    public void Sim_epochs_uses_the_weights_schedule_and_holds_its_last_entry()
    {
        var input = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(VectorInput("test_active_stake epoch 1"))!;
        var schedule = """[[[0,0,65535,0],[0,0,65535,0],[0,0,0,0],[0,0,0,0]],[[0,0,0,65535],[0,0,0,65535],[0,0,0,0],[0,0,0,0]]]""";
        input["weights_schedule"] = JsonDocument.Parse(schedule).RootElement.Clone();

        var (exit, stdout, stderr) = Invoke(JsonSerializer.Serialize(input), "sim", "epochs", "--input", "-", "--epochs", "3");

        Assert.True(exit == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        var epochs = document.RootElement.GetProperty("epochs");
        Assert.Equal("[0.0,0.0,1.0,0.0]", epochs[0].GetProperty("incentive").GetRawText());
        Assert.Equal("[0.0,0.0,0.0,1.0]", epochs[1].GetProperty("incentive").GetRawText());
        Assert.Equal("[0.0,0.0,0.0,1.0]", epochs[2].GetProperty("incentive").GetRawText());
    }

    [Fact]
    public void Sim_epochs_compound_stakes_each_emission_and_an_out_of_consensus_validator_loses_stake_weight()
    {
        // Given three validators with 100 TAO each: 0 and 1 weight miner 3, validator 2 weights miner 4 instead
        var neurons = Enumerable.Range(0, 5).Select(i => new Dictionary<string, object>
        {
            ["stake"] = i < 3 ? 100_000_000_000UL : 0UL,
            ["last_update"] = 999,
            ["block_at_registration"] = 0,
            ["validator_permit"] = i < 3,
        });
        int[][] weights = [[0, 0, 0, 65535, 0], [0, 0, 0, 65535, 0], [0, 0, 0, 0, 65535], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]];
        var input = new Dictionary<string, object>
        {
            ["current_block"] = 1000,
            ["emission"] = 1_000_000_000,
            ["neurons"] = neurons,
            ["weights"] = weights,
            ["bonds"] = new int[5][].Select(_ => new int[5]),
        };

        // When 20 epochs run compounding
        var (exit, stdout, stderr) = Invoke(JsonSerializer.Serialize(input), "sim", "epochs", "--input", "-", "--epochs", "20", "--compound");

        // Then each epoch's stake is the last one's plus what it paid; validator 2 earns no dividends, so its stake
        // stays while the honest validators' grows, and its share of the stake falls epoch after epoch
        Assert.True(exit == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        var epochs = document.RootElement.GetProperty("epochs").EnumerateArray().ToList();
        static ulong[] Rao(JsonElement epoch, string field) => [.. epoch.GetProperty(field).EnumerateArray().Select(value => value.GetUInt64())];
        static double Share(ulong[] stake, int uid) => (double)stake[uid] / stake.Aggregate(0.0, (sum, rao) => sum + rao);
        for (var e = 1; e < epochs.Count; e++)
        {
            var (before, paid, after) = (Rao(epochs[e - 1], "stake"), Rao(epochs[e - 1], "emission"), Rao(epochs[e], "stake"));
            Assert.Equal(before.Zip(paid, (stake, emission) => stake + emission), after);
            Assert.True(Share(after, 2) < Share(before, 2), $"epoch {e}: validator 2 holds {Share(after, 2)} after {Share(before, 2)}");
        }

        var (first, last) = (Rao(epochs[0], "stake"), Rao(epochs[^1], "stake"));
        Assert.Equal(first[2], last[2]);
        Assert.True(last[0] > first[0] && last[1] > first[1]);
        Assert.True(Share(last, 2) < Share(last, 0) && Share(last, 2) < 1.0 / 3);
    }

    [Fact]
    public void Sim_epochs_without_compound_keeps_stakes_and_prints_none()
    {
        var (exit, stdout, _) = Invoke(VectorInput("test_bonds epoch 5"), "sim", "epochs", "--input", "-", "--epochs", "2");

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(stdout);
        Assert.All(document.RootElement.GetProperty("epochs").EnumerateArray(), epoch => Assert.False(epoch.TryGetProperty("stake", out _)));
    }

    [Fact]
    public void Sim_epochs_compound_ends_a_run_whose_stake_would_overflow()
    {
        // Given one validator with a stake a few rao short of u64 max, weighting the one miner
        var json = """{"current_block":1000,"emission":1000,"neurons":[{"stake":18446744073709551610,"last_update":999,"block_at_registration":0,"validator_permit":true},{"stake":0,"last_update":0,"block_at_registration":0,"validator_permit":false}],"weights":[[0,65535],[0,0]],"bonds":[[0,0],[0,0]]}""";

        // When three epochs run compounding
        var (exit, stdout, stderr) = Invoke(json, "sim", "epochs", "--input", "-", "--epochs", "3", "--compound");

        // Then epoch 0 is printed whole, and the error names the stake that would overflow
        Assert.Equal(SimOptions.InvalidInputExitCode, exit);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(1, document.RootElement.GetProperty("epochs").GetArrayLength());
        Assert.StartsWith("error: stake: epoch 1 would give neuron 0 a stake of 18446744073709551610 + 500 rao, past u64 max", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weights_schedule_that_one_of_the_commands_leaves_unused_gets_a_warning()
    {
        // Given an input whose schedule starts with other weights than its "weights"
        var input = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(VectorInput("test_active_stake epoch 1"))!;
        input["weights_schedule"] = JsonDocument.Parse("""[[[0,0,0,65535],[0,0,0,65535],[0,0,0,0],[0,0,0,0]]]""").RootElement.Clone();
        var differing = JsonSerializer.Serialize(input);
        input["weights_schedule"] = JsonSerializer.SerializeToElement(new[] { input["weights"] });
        var matching = JsonSerializer.Serialize(input);

        // Then sim epoch says it ignores the schedule, and sim epochs that it ignores "weights" only where they differ
        Assert.Equal("warning: weights_schedule: ignored, one epoch runs `weights` (sim epochs reads the schedule)\n", Invoke(differing, "sim", "epoch", "--input", "-").Err);
        Assert.Equal("warning: weights: unused, epoch 0 runs weights_schedule[0], which differs from it\n", Invoke(differing, "sim", "epochs", "--input", "-", "--epochs", "2").Err);
        Assert.Equal(string.Empty, Invoke(matching, "sim", "epochs", "--input", "-", "--epochs", "2").Err);
    }

    [Theory]
    [InlineData("current_block", 18446744073709551000, "error: current_block: epoch 2 would be at block 18446744073709551361 + tempo 360 + 1, past u64 max; run fewer epochs or start at a lower block")]
    [InlineData("emission", 18446744073709551615, "error: emission: epoch 1 would get 18446744073709551615 plus ")]
    public void Sim_epochs_ends_a_run_that_would_overflow_with_a_whole_document_and_an_error(string field, ulong value, string message)
    {
        // Given an input whose block or emission leaves no room for the run (with no stake and no weights everything
        // is dust, so even epoch 1's emission overflows)
        var input = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(VectorInput("test_bonds epoch 0"))!;
        input["tempo"] = JsonSerializer.SerializeToElement(360);
        input[field] = JsonSerializer.SerializeToElement(value);
        if (field == "emission")
        {
            var neurons = JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(input["neurons"].GetRawText())!;
            neurons.ForEach(neuron => neuron["stake"] = JsonSerializer.SerializeToElement(0));
            input["neurons"] = JsonSerializer.SerializeToElement(neurons);
        }

        // When five epochs are asked for
        var (exit, stdout, stderr) = Invoke(JsonSerializer.Serialize(input), "sim", "epochs", "--input", "-", "--epochs", "5");

        // Then the epochs that could run are a whole JSON document, and the error says which field ran out of room
        Assert.Equal(SimOptions.InvalidInputExitCode, exit);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(field == "emission" ? 1 : 2, document.RootElement.GetProperty("epochs").GetArrayLength());
        Assert.StartsWith(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sim_epochs_steps_current_block_by_tempo_plus_one_as_the_chain_runs_epochs()
    {
        // Given tempo 20 from block 19 (where subnet 1 of a tempo-20 chain runs its first epoch)
        var input = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(VectorInput("test_bonds epoch 0"))!;
        input["tempo"] = JsonSerializer.SerializeToElement(20);
        input["current_block"] = JsonSerializer.SerializeToElement(19);

        var (exit, stdout, stderr) = Invoke(JsonSerializer.Serialize(input), "sim", "epochs", "--input", "-", "--epochs", "3");

        // Then the epochs are 21 blocks apart, exactly the blocks where (b + 1 + 1) % 21 == 0
        Assert.True(exit == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        var blocks = document.RootElement.GetProperty("epochs").EnumerateArray().Select(e => e.GetProperty("current_block").GetUInt64()).ToArray();
        Assert.Equal([19UL, 40UL, 61UL], blocks);
        Assert.All(blocks, b => Assert.Equal(0UL, (b + 1 + 1) % 21));
    }

    [Fact]
    public void Sim_epochs_does_not_form_an_epoch_after_the_last()
    {
        // Given a run whose third epoch would be past u64 max, asked for only the two that fit
        var input = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(VectorInput("test_bonds epoch 0"))!;
        input["tempo"] = JsonSerializer.SerializeToElement(360);
        input["current_block"] = JsonSerializer.SerializeToElement(ulong.MaxValue - 400);

        var (exit, stdout, stderr) = Invoke(JsonSerializer.Serialize(input), "sim", "epochs", "--input", "-", "--epochs", "2");

        Assert.True(exit == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(2, document.RootElement.GetProperty("epochs").GetArrayLength());
    }

    [Fact]
    public void Fields_print_only_the_chosen_outputs_in_the_formats_order()
    {
        // Given the full output of test_bonds epoch 5
        var (_, full, _) = Invoke(VectorInput("test_bonds epoch 5"), "sim", "epoch", "--input", "-");
        using var fullDocument = JsonDocument.Parse(full);

        // When only dust, incentive and emission are asked for (in another order, with spaces)
        var (exit, stdout, stderr) = Invoke(VectorInput("test_bonds epoch 5"), "sim", "epoch", "--input", "-", "--fields", "dust, incentive,emission");

        // Then exactly those print, in the format's order, with the same values
        Assert.True(exit == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(["incentive", "emission", "dust"], document.RootElement.EnumerateObject().Select(field => field.Name));
        foreach (var field in document.RootElement.EnumerateObject())
        {
            Assert.Equal(fullDocument.RootElement.GetProperty(field.Name).GetRawText(), field.Value.GetRawText());
        }

        // And sim epochs keeps its per-epoch header fields
        var (epochsExit, epochsOut, _) = Invoke(VectorInput("test_bonds epoch 5"), "sim", "epochs", "--input", "-", "--epochs", "2", "--fields", "dividends");
        Assert.Equal(0, epochsExit);
        using var epochs = JsonDocument.Parse(epochsOut);
        Assert.Equal(["epoch", "current_block", "emission_in", "dividends"], epochs.RootElement.GetProperty("epochs")[1].EnumerateObject().Select(field => field.Name));
    }

    [Theory]
    [InlineData("epoch", "rank,bond")]
    [InlineData("epochs", " , ")]
    public void Fields_that_are_unknown_or_empty_are_rejected_listing_the_known_ones(string command, string list)
    {
        var arguments = command == "epoch" ? new[] { "sim", "epoch", "--input", "-", "--fields", list } : ["sim", "epochs", "--input", "-", "--epochs", "2", "--fields", list];

        var (exit, stdout, stderr) = Invoke(VectorInput("test_bonds epoch 5"), arguments);

        Assert.Equal(SimOptions.InvalidInputExitCode, exit);
        Assert.Empty(stdout);
        Assert.StartsWith(list.Contains("bond", StringComparison.Ordinal) ? "error: --fields: unknown field \"bond\"; choose from rank,trust," : "error: --fields: no field names; choose from rank,", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sim_epochs_rejects_a_non_positive_epoch_count()
    {
        var (exit, _, stderr) = Invoke(VectorInput("test_bonds epoch 0"), "sim", "epochs", "--input", "-", "--epochs", "0");

        Assert.NotEqual(0, exit);
        Assert.Contains("--epochs: expected 1..", stderr, StringComparison.Ordinal);
    }

    private static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetUInt64(out var integer) => integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        JsonValueKind.Number => element.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        JsonValueKind.Array => JsonSerializer.Serialize(element.EnumerateArray().Select(Canonical)),
        _ => element.GetRawText(),
    };
}
