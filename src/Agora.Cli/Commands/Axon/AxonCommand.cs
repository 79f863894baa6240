using System.CommandLine;
using Agora.Cli.Infrastructure;

namespace Agora.Cli.Commands.Axon;

/// <summary><c>agora axon ...</c>: announce where a neuron serves.</summary>
internal static class AxonCommand
{
    public static Command Create(CliHost host)
    {
        var axon = new Command("axon", "Axons: announce where a registered hotkey serves miners' requests");
        axon.Subcommands.Add(ServeCommand.Create(host));
        return axon;
    }
}
