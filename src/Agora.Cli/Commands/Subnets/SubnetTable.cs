using System.Globalization;
using Agora.Core.Primitives;
using Agora.Sdk.Client;
using Spectre.Console;

namespace Agora.Cli.Commands.Subnets;

/// <summary>The subnets table of <c>subnets list</c>.</summary>
internal static class SubnetTable
{
    public static Table Build(IReadOnlyList<SubnetSummary> subnets, ulong? block)
    {
        var table = new Table().AddColumns("Netuid", "Name", "Owner", "Emission", "Stake (TAO)", "EMA stake (TAO)", "Net flow (TAO)", "Pending (TAO)", "Neurons", "Tempo");
        if (block is { } number)
        {
            table.Caption($"block #{number}");
        }

        foreach (var s in subnets)
        {
            table.AddRow(
                $"{s.Netuid}", Markup.Escape(s.Name), Short(s.Owner.ToString()),
                (s.EmissionShare * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%",
                s.TotalStake.ToTaoString(), s.EmaStake.ToTaoString(), Signed(s.NetFlow), s.PendingEmission.ToTaoString(),
                s.MaxNeurons is { } max ? $"{s.Neurons}/{max}" : "-",
                s.Tempo is { } tempo ? $"{s.BlocksSinceEpoch}/{tempo + 1}" : "-");
        }

        return table;
    }

    /// <summary>A signed rao amount in TAO: "+1.5", "-0.25", "0.0".</summary>
    public static string Signed(long rao) => rao switch
    {
        > 0 => "+" + new Rao((ulong)rao).ToTaoString(),
        < 0 => "-" + new Rao((ulong)(-rao)).ToTaoString(),
        _ => Rao.Zero.ToTaoString(),
    };

    /// <summary>An address cut to its first and last characters, for narrow columns.</summary>
    public static string Short(string address) => address.Length > 14 ? $"{address[..6]}…{address[^6..]}" : address;
}
