using System.CommandLine;
using Agora.Yuma;

namespace Agora.Cli.Commands.Sim;

/// <summary><c>agora sim epoch --input FILE.json</c>: one Yuma Consensus epoch, printed as JSON.</summary>
internal static class SimEpochCommand
{
    public static Command Create(TextReader? stdin)
    {
        var input = SimOptions.Input();
        var json = SimOptions.Json();
        var command = new Command("epoch", "Run one Yuma Consensus epoch (spec/yuma.md) on a JSON input and print the outputs as JSON.")
        {
            input,
            json,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(input) ?? "-",
            stdin,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs the command: JSON on <paramref name="output"/>, errors on <paramref name="error"/>.</summary>
    public static int Run(string inputPath, TextReader? stdin, TextWriter output, TextWriter error)
    {
        var input = SimOptions.Load(inputPath, stdin, error);
        if (input is null)
        {
            return SimOptions.InvalidInputExitCode;
        }

        EpochOutputJson.Write(output, YumaEpoch.Run(input.Epoch));
        return 0;
    }
}
