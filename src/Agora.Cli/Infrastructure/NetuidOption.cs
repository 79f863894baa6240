using System.CommandLine;

namespace Agora.Cli.Infrastructure;

/// <summary>Netuid options and arguments.</summary>
internal static class NetuidOption
{
    public static Option<ushort> Create(string name, string description) => new(name) { Description = description, Required = true };

    public static Argument<ushort> Argument() => new("NETUID") { Description = "The subnet's netuid (see `agora subnets list`)" };
}
