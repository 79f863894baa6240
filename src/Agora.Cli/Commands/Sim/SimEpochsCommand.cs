using System.CommandLine;
using Agora.Yuma;

namespace Agora.Cli.Commands.Sim;

/// <summary>
/// <c>agora sim epochs --input FILE.json --epochs K</c>: K epochs in a row. Each epoch feeds the next its bonds,
/// validator permits and dust; <c>current_block</c> advances by <c>tempo + 1</c>, as the chain's epochs do (DESIGN
/// §4a), and <c>last_epoch_block</c> follows.
/// An optional <c>weights_schedule</c> (array of n×n matrices) gives epoch e the weights
/// <c>schedule[min(e, len − 1)]</c>; from epoch 1 on, every neuron with a non-zero weights row sets it at that epoch's
/// block (its <c>last_update</c> becomes <c>current_block</c>), others keep theirs. With <c>--compound</c> each
/// neuron's emission is added to its stake for the next epoch, as Bittensor stakes emission to the neuron's hotkey.
/// </summary>
internal static class SimEpochsCommand
{
    /// <summary>Most epochs one run may simulate.</summary>
    public const int EpochCountMax = 100_000;

    public static Command Create(TextReader? stdin)
    {
        var input = SimOptions.Input();
        var fields = SimOptions.Fields();
        var epochs = new Option<int>("--epochs", "-k")
        {
            Description = $"Number of epochs to run in a row (1..{EpochCountMax}).",
            Required = true,
        };
        var compound = new Option<bool>("--compound")
        {
            Description = "Add each neuron's emission to its stake before the next epoch (Bittensor stakes emission to the neuron's hotkey); each epoch then also prints the stake it ran with.",
        };
        var command = new Command("epochs", "Run several Yuma Consensus epochs in a row, feeding bonds, permits and dust forward; prints { \"epochs\": [...] }.")
        {
            input,
            epochs,
            fields,
            compound,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(input) ?? "-",
            parseResult.GetValue(epochs),
            parseResult.GetValue(fields),
            parseResult.GetValue(compound),
            stdin,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs the command: JSON on <paramref name="output"/>, errors on <paramref name="error"/>.</summary>
    public static int Run(string inputPath, int epochCount, string? fieldList, bool compound, TextReader? stdin, TextWriter output, TextWriter error)
    {
        if (epochCount is < 1 or > EpochCountMax)
        {
            error.WriteLine($"error: --epochs: expected 1..{EpochCountMax}, got {epochCount}");
            return SimOptions.InvalidInputExitCode;
        }

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

        if (input.WeightsSchedule.Count > 0 && !input.Epoch.Weights.Equals(input.WeightsSchedule[0]))
        {
            error.WriteLine("warning: weights: unused, epoch 0 runs weights_schedule[0], which differs from it");
        }

        string? stopped = null;
        EpochOutputJson.WriteEpochs(output, Simulate(input, epochCount, compound, reason => stopped = reason), fields, withStake: compound);
        if (stopped is not null)
        {
            error.WriteLine($"error: {stopped}");
            return SimOptions.InvalidInputExitCode;
        }

        return 0;
    }

    /// <summary>
    /// The epochs of a run, each with the input it was given, computed one at a time as they are enumerated. A run
    /// whose next epoch cannot be formed (its block, emission or, compounding, a stake would pass u64 max) ends there
    /// and tells <paramref name="stop"/> why, so the epochs already written stay a whole document.
    /// </summary>
    /// <param name="input">The first epoch's input and the weights schedule.</param>
    /// <param name="epochCount">How many epochs to run.</param>
    /// <param name="compound">Whether each neuron's emission joins its stake for the next epoch.</param>
    /// <param name="stop">Told why the run ended early, if it does.</param>
    public static IEnumerable<(EpochInput Input, EpochOutput Output)> Simulate(SimInput input, int epochCount, bool compound, Action<string> stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        var current = WithScheduledWeights(input.Epoch, input, 0);
        for (var e = 0; ; e++)
        {
            var output = YumaEpoch.Run(current);
            yield return (current, output);
            if (e + 1 == epochCount)
            {
                yield break;
            }

            var (next, reason) = Next(current, output, input, e + 1, compound);
            if (next is null)
            {
                stop(reason!);
                yield break;
            }

            current = next;
        }
    }

    private static EpochInput WithScheduledWeights(EpochInput epoch, SimInput input, int e) =>
        input.WeightsSchedule.Count == 0
            ? epoch
            : epoch with { Weights = input.WeightsSchedule[Math.Min(e, input.WeightsSchedule.Count - 1)] };

    /// <summary>Epoch <paramref name="e"/>'s input after <paramref name="previous"/>, or why there is none.</summary>
    private static (EpochInput? Next, string? Reason) Next(EpochInput previous, EpochOutput output, SimInput input, int e, bool compound)
    {
        // The chain runs a subnet's epoch every tempo + 1 blocks: (b + netuid + 1) % (tempo + 1) == 0.
        var tempo = previous.Parameters.Tempo;
        if (tempo == ulong.MaxValue || previous.CurrentBlock > ulong.MaxValue - tempo - 1)
        {
            return (null, $"current_block: epoch {e} would be at block {previous.CurrentBlock} + tempo {tempo} + 1, past u64 max; run fewer epochs or start at a lower block");
        }

        if (output.Dust > ulong.MaxValue - input.Epoch.Emission)
        {
            return (null, $"emission: epoch {e} would get {input.Epoch.Emission} plus {output.Dust} rao of carried dust, past u64 max; use a smaller emission");
        }

        var block = previous.CurrentBlock + tempo + 1;
        var next = WithScheduledWeights(previous, input, e);
        var neurons = next.Neurons.ToBuilder();
        for (var i = 0; i < neurons.Count; i++)
        {
            var (stake, earned) = (neurons[i].Stake, compound ? output.Emission[i] : 0);
            if (stake > ulong.MaxValue - earned)
            {
                return (null, $"stake: epoch {e} would give neuron {i} a stake of {stake} + {earned} rao, past u64 max; run fewer epochs or start with less stake");
            }

            var setsWeights = !next.Weights.RowColumns(i).IsEmpty;
            neurons[i] = neurons[i] with
            {
                Stake = stake + earned,
                ValidatorPermit = output.ValidatorPermit[i],
                LastUpdate = setsWeights ? block : neurons[i].LastUpdate,
            };
        }

        return (next with
        {
            CurrentBlock = block,
            LastEpochBlock = previous.CurrentBlock,
            Emission = input.Epoch.Emission + output.Dust,
            Neurons = neurons.DrainToImmutable(),
            Bonds = output.Bonds,
            PreviousConsensus = output.StoredConsensus(),
        }, null);
    }
}
