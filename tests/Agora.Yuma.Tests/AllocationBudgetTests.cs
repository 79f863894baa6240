using System.Text.Json;
using Agora.Testing.Yuma;

namespace Agora.Yuma.Tests;

/// <summary>
/// The epoch's allocations against bench/budgets.json, on the benchmark subnet (<see cref="BenchmarkSubnet"/>). Bytes
/// allocated are a deterministic number where time is not: the same input rents the same pooled arrays and allocates
/// the same output, so this gate runs in every build while timings stay in the benchmarks.
/// </summary>
public sealed class AllocationBudgetTests
{
    /// <summary>How far below its budget an operation may fall before the budget must be lowered to keep it tight.</summary>
    private const int SlackPercentMax = 10;

    private static readonly Lazy<Dictionary<string, long>> Budgets = new(ReadBudgets);

    public static TheoryData<string> Operations() => new(Budgets.Value.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Operations))]
    public void An_epoch_allocates_within_its_budget(string operation)
    {
        // Given the benchmark subnet the operation names, with bonds as three epochs leave them
        var input = Input(operation);

        // When one epoch runs with warm pools
        var allocated = AllocatedBytes(() => YumaEpoch.Run(input));

        // Then it allocates at most its budget, and not so much less that the budget stops guarding anything
        var budget = Budgets.Value[operation];
        Assert.True(allocated <= budget, $"{operation}: allocated {allocated:N0} bytes, budget {budget:N0} in bench/budgets.json; find the new allocation or raise the budget saying why");
        Assert.True(allocated * 100 >= budget * (100 - SlackPercentMax), $"{operation}: allocated {allocated:N0} bytes, more than {SlackPercentMax}% under its budget of {budget:N0}; lower it in bench/budgets.json");
    }

    /// <summary>The input an operation name (<c>yuma_epoch_{model}_n{size}</c>) stands for; a name that fits none fails its test.</summary>
    private static EpochInput Input(string operation)
    {
        var parts = operation.Split('_');
        Assert.True(parts is ["yuma", "epoch", .., var size] && size.StartsWith('n'), $"{operation}: expected yuma_epoch_<model>_n<size>");
        var model = string.Join('_', parts[2..^1]);
        var parameters = model switch
        {
            "classic" => YumaParameters.Default,
            "yuma3" => YumaParameters.Default with { Yuma3Enabled = true },
            "liquid_alpha" => YumaParameters.Default with { Yuma3Enabled = true, LiquidAlphaEnabled = true },
            _ => throw new ArgumentException($"{operation}: unknown bond model {model} (classic, yuma3, liquid_alpha)", nameof(operation)),
        };
        var n = int.Parse(parts[^1].AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        return BenchmarkSubnet.Create(n, BenchmarkSubnet.Validators(n), densityPercent: 10, parameters);
    }

    /// <summary>
    /// Bytes <paramref name="run"/> allocates on this thread once the array pool is warm: the fewest of three runs
    /// after two warm-up runs (the pool may drop idle arrays at a full collection, which one run then re-rents).
    /// </summary>
    private static long AllocatedBytes(Action run)
    {
        run();
        run();
        var fewest = long.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            run();
            fewest = long.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }

    private static Dictionary<string, long> ReadBudgets()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "budgets.json")));
        return document.RootElement.GetProperty("allocated_bytes_max").EnumerateObject().ToDictionary(budget => budget.Name, budget => budget.Value.GetInt64());
    }
}
