using System.Globalization;
using Agora.Sdk.Client;

namespace Agora.Cli.Commands.Metagraph;

/// <summary>
/// One column of <c>metagraph show</c>: its name (also the <c>--sort</c> value), its cell text, and how it sorts —
/// numbers and flags largest first, text (axon, keys) alphabetically.
/// </summary>
internal sealed record MetagraphColumn(string Name, string Header, Func<MetagraphNeuron, ulong, string> Cell, Func<IEnumerable<MetagraphNeuron>, ulong, IOrderedEnumerable<MetagraphNeuron>> Sort)
{
    private const string ProportionFormat = "0.00000";

    /// <summary>Every column, in table order.</summary>
    public static IReadOnlyList<MetagraphColumn> All { get; } =
    [
        new("uid", "UID", (n, _) => Text(n.Uid), (ns, _) => ns.OrderBy(n => n.Uid)),
        Number("stake", "STAKE τ", n => n.Stake.Value, n => Tao(n.Stake, "0.00")),
        Proportion("rank", "RANK", n => n.Rank),
        Proportion("trust", "TRUST", n => n.Trust),
        Proportion("consensus", "CONSENSUS", n => n.Consensus),
        Proportion("incentive", "INCENTIVE", n => n.Incentive),
        Proportion("dividends", "DIVIDENDS", n => n.Dividends),
        Number("emission", "EMISSION τ", n => n.Emission.Value, n => Tao(n.Emission, "0.000000")),
        Proportion("vtrust", "VTRUST", n => n.ValidatorTrust),
        new("permit", "VAL", (n, _) => n.ValidatorPermit ? "*" : "", (ns, _) => ns.OrderByDescending(n => n.ValidatorPermit).ThenBy(n => n.Uid)),
        new("updated", "UPDATED", (n, block) => Text(BlocksSince(n, block)), (ns, block) => ns.OrderByDescending(n => BlocksSince(n, block)).ThenBy(n => n.Uid)),
        new("active", "ACTIVE", (n, _) => n.Active ? "yes" : "no", (ns, _) => ns.OrderByDescending(n => n.Active).ThenBy(n => n.Uid)),
        TextColumn("axon", "AXON", AxonText, AxonText),
        TextColumn("hotkey", "HOTKEY", n => Shorten(n.Hotkey.ToString()), n => n.Hotkey.ToString()),
        TextColumn("coldkey", "COLDKEY", n => n.Coldkey is { } c ? Shorten(c.ToString()) : "-", n => n.Coldkey?.ToString() ?? ""),
    ];

    /// <summary>The column named <paramref name="name"/>, or null.</summary>
    public static MetagraphColumn? Find(string name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Blocks since the neuron's last update, as of <paramref name="block"/>.</summary>
    public static ulong BlocksSince(MetagraphNeuron neuron, ulong block) => block > neuron.LastUpdate ? block - neuron.LastUpdate : 0;

    /// <summary><c>ip:port</c> (IPv6 in brackets), or "-" without an axon.</summary>
    public static string AxonText(MetagraphNeuron neuron) => neuron.Axon switch
    {
        null => "-",
        { Ip: var ip } axon when ip.Contains(':', StringComparison.Ordinal) => $"[{ip}]:{axon.Port}",
        { } axon => $"{axon.Ip}:{axon.Port}",
    };

    /// <summary>An SS58 address cut to its first 6 and last 4 characters.</summary>
    public static string Shorten(string address) => address.Length <= 12 ? address : $"{address[..6]}…{address[^4..]}";

    // TAO rounded for the table (the exact rao are in --json).
    private static string Tao(Agora.Core.Primitives.Rao amount, string format) =>
        ((decimal)amount.Value / Agora.Core.Primitives.Rao.PerTao).ToString(format, CultureInfo.InvariantCulture);

    private static string Text(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static MetagraphColumn Number(string name, string header, Func<MetagraphNeuron, ulong> key, Func<MetagraphNeuron, string> cell) =>
        new(name, header, (n, _) => cell(n), (ns, _) => ns.OrderByDescending(key).ThenBy(n => n.Uid));

    private static MetagraphColumn Proportion(string name, string header, Func<MetagraphNeuron, decimal> key) =>
        new(name, header, (n, _) => key(n).ToString(ProportionFormat, CultureInfo.InvariantCulture), (ns, _) => ns.OrderByDescending(key).ThenBy(n => n.Uid));

    private static MetagraphColumn TextColumn(string name, string header, Func<MetagraphNeuron, string> cell, Func<MetagraphNeuron, string> key) =>
        new(name, header, (n, _) => cell(n), (ns, _) => ns.OrderBy(key, StringComparer.Ordinal).ThenBy(n => n.Uid));
}
