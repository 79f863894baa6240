using System.Text.Json;
using Agora.Cli.Commands.Sim;
using Agora.Testing.Yuma;
using BenchmarkDotNet.Attributes;

namespace Agora.Bench.Sim;

/// <summary>
/// Reading a dense <c>sim epoch</c> input (n×n u16 weights and bonds as JSON, the benchmark subnet of the Yuma
/// benchmarks) against the floor of tokenising it: one <see cref="Utf8JsonReader"/> pass that parses every number as
/// a u16 and keeps nothing. A third case parses into a <see cref="JsonDocument"/> and reads every matrix cell from
/// it, the way the parser worked before it streamed.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class SimInputBenchmarks
{
    private byte[] _json = [];

    /// <summary>Subnet size; the input is about 4 MB at 1024 and 68 MB at 4096.</summary>
    [Params(1024, 4096)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _json = SimInputText.Write(BenchmarkSubnet.Create(N));
        Console.WriteLine($"// n = {N}: {_json.Length} bytes of input");
        if (!EpochInputJson.TryParse(_json, out _, out var error))
        {
            throw new InvalidOperationException(error);
        }
    }

    /// <summary>The floor: every token read once, every number parsed as a u16.</summary>
    [Benchmark(Baseline = true)]
    public long ReadEveryToken()
    {
        var reader = new Utf8JsonReader(_json);
        long sum = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetUInt16(out var value))
            {
                sum += value;
            }
        }

        return sum;
    }

    /// <summary>The sim parser: the whole input, validated, into sparse matrices.</summary>
    [Benchmark]
    public int Parse() => EpochInputJson.TryParse(_json, out var input, out _) ? input.Epoch.Weights.NonZeroCount : -1;

    /// <summary>A document tree of the input, then every weight and bond cell read from it as a u16.</summary>
    [Benchmark]
    public long ParseAsDocument()
    {
        using var document = JsonDocument.Parse(_json);
        long sum = 0;
        foreach (var name in new[] { "weights", "bonds" })
        {
            using var rows = document.RootElement.GetProperty(name).EnumerateArray();
            foreach (var row in rows)
            {
                using var cells = row.EnumerateArray();
                foreach (var cell in cells)
                {
                    sum += cell.GetUInt16();
                }
            }
        }

        return sum;
    }
}
