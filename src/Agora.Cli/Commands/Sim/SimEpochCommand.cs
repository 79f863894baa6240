using System.CommandLine;
using Agora.Yuma;

namespace Agora.Cli.Commands.Sim;

/// <summary><c>agora sim epoch --input FILE.json</c>: one Yuma Consensus epoch, printed as JSON.</summary>
internal static class SimEpochCommand
{
    public static Command Create(TextReader? stdin)
    {
        var input = SimOptions.Input();
        var fields = SimOptions.Fields();
        var command = new Command("epoch", "Run one Yuma Consensus epoch (spec/yuma.md) on a JSON input and print the outputs as JSON.")
        {
            input,
            fields,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(input) ?? "-",
            parseResult.GetValue(fields),
            stdin,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs the command: JSON on <paramref name="output"/>, errors on <paramref name="error"/>.</summary>
    public static int Run(string inputPath, string? fieldList, TextReader? stdin, TextWriter output, TextWriter error)
    {
        var fields = SimOptions.LoadFields(fieldList, error);
        if (fields is null)
        {
            return SimOptions.InvalidInputExitCode;
        }

        var input = SimOptions.Load(inputPath, stdin, error);
        if (input is null)
        {
            return SimOptions.InvalidInputExitCode;
        }

        if (input.WeightsSchedule.Count > 0)
        {
            error.WriteLine("warning: weights_schedule: ignored, one epoch runs `weights` (sim epochs reads the schedule)");
        }

        EpochOutputJson.Write(output, YumaEpoch.Run(input.Epoch), fields);
        return 0;
    }
}
