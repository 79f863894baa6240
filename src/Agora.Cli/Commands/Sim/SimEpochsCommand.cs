using System.CommandLine;
using Agora.Yuma;

namespace Agora.Cli.Commands.Sim;

/// <summary>
/// <c>agora sim epochs --input FILE.json --epochs K</c>: K epochs in a row. Each epoch feeds the next its bonds,
/// validator permits and dust; <c>current_block</c> advances by <c>tempo</c> and <c>last_epoch_block</c> follows.
/// An optional <c>weights_schedule</c> (array of n×n matrices) gives epoch e the weights
/// <c>schedule[min(e, len − 1)]</c>; from epoch 1 on, every neuron with a non-zero weights row sets it at that epoch's
/// block (its <c>last_update</c> becomes <c>current_block</c>), others keep theirs.
/// </summary>
internal static class SimEpochsCommand
{
    /// <summary>Most epochs one run may simulate.</summary>
    public const int EpochCountMax = 100_000;

    public static Command Create(TextReader? stdin)
    {
        var input = SimOptions.Input();
        var json = SimOptions.Json();
        var epochs = new Option<int>("--epochs", "-k")
        {
            Description = $"Number of epochs to run in a row (1..{EpochCountMax}).",
            Required = true,
        };
        var command = new Command("epochs", "Run several Yuma Consensus epochs in a row, feeding bonds, permits and dust forward; prints { \"epochs\": [...] }.")
        {
            input,
            epochs,
            json,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(input) ?? "-",
            parseResult.GetValue(epochs),
            stdin,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs the command: JSON on <paramref name="output"/>, errors on <paramref name="error"/>.</summary>
    public static int Run(string inputPath, int epochCount, TextReader? stdin, TextWriter output, TextWriter error)
    {
        if (epochCount is < 1 or > EpochCountMax)
        {
            error.WriteLine($"error: --epochs: expected 1..{EpochCountMax}, got {epochCount}");
            return SimOptions.InvalidInputExitCode;
        }

        var input = SimOptions.Load(inputPath, stdin, error);
        if (input is null)
        {
            return SimOptions.InvalidInputExitCode;
        }

        EpochOutputJson.WriteEpochs(output, Simulate(input, epochCount));
        return 0;
    }

    /// <summary>The epochs of a run, each with the input it was given, computed one at a time as they are enumerated.</summary>
    public static IEnumerable<(EpochInput Input, EpochOutput Output)> Simulate(SimInput input, int epochCount)
    {
        var current = WithScheduledWeights(input.Epoch, input, 0);
        for (var e = 0; e < epochCount; e++)
        {
            var output = YumaEpoch.Run(current);
            yield return (current, output);
            current = Next(current, output, input, e + 1);
        }
    }

    private static EpochInput WithScheduledWeights(EpochInput epoch, SimInput input, int e) =>
        input.WeightsSchedule.Count == 0
            ? epoch
            : epoch with { Weights = input.WeightsSchedule[Math.Min(e, input.WeightsSchedule.Count - 1)] };

    private static EpochInput Next(EpochInput previous, EpochOutput output, SimInput input, int e)
    {
        var block = checked(previous.CurrentBlock + previous.Parameters.Tempo);
        var next = WithScheduledWeights(previous, input, e);
        var neurons = next.Neurons.ToBuilder();
        for (var i = 0; i < neurons.Count; i++)
        {
            var setsWeights = !next.Weights.RowColumns(i).IsEmpty;
            neurons[i] = neurons[i] with
            {
                ValidatorPermit = output.ValidatorPermit[i],
                LastUpdate = setsWeights ? block : neurons[i].LastUpdate,
            };
        }

        return next with
        {
            CurrentBlock = block,
            LastEpochBlock = previous.CurrentBlock,
            Emission = checked(input.Epoch.Emission + output.Dust),
            Neurons = neurons.MoveToImmutable(),
            Bonds = output.Bonds,
        };
    }
}
