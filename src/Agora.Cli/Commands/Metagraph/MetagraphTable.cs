using Agora.Sdk.Client;
using Spectre.Console;

namespace Agora.Cli.Commands.Metagraph;

/// <summary>The <c>metagraph show</c> table, like btcli's: one row per neuron in the chosen order.</summary>
internal static class MetagraphTable
{
    /// <summary>The neurons of <paramref name="metagraph"/> ordered by <paramref name="sort"/> (null: by uid).</summary>
    public static IReadOnlyList<MetagraphNeuron> Order(Agora.Sdk.Client.Metagraph metagraph, MetagraphColumn? sort) =>
        [.. (sort ?? MetagraphColumn.All[0]).Sort(metagraph.Neurons, metagraph.Block)];

    /// <summary>The table of <paramref name="metagraph"/> ordered by <paramref name="sort"/>.</summary>
    public static Table Build(Agora.Sdk.Client.Metagraph metagraph, MetagraphColumn? sort)
    {
        // Fifteen columns fit 160 characters only without borders: two spaces between columns, as btcli prints it.
        var table = new Table { Title = new TableTitle($"Subnet {metagraph.Netuid} at block #{metagraph.Block}: {metagraph.Neurons.Count} neurons"), Border = TableBorder.None };
        foreach (var column in MetagraphColumn.All)
        {
            table.AddColumn(new TableColumn(column.Header) { Padding = new Padding(0, 0, 2, 0) });
        }

        foreach (var neuron in Order(metagraph, sort))
        {
            table.AddRow(MetagraphColumn.All.Select(c => Markup.Escape(c.Cell(neuron, metagraph.Block))).ToArray());
        }

        return table;
    }
}
