using Agora.Yuma;

namespace Agora.Cli.Commands.Sim;

/// <summary>A parsed <c>sim</c> input: the epoch input plus the optional per-epoch weights schedule of <c>sim epochs</c>.</summary>
/// <param name="Epoch">The first epoch's input.</param>
/// <param name="WeightsSchedule">Weights per epoch (epoch e uses entry min(e, count − 1)); empty when absent.</param>
/// <param name="Warnings">What was read but ignored (unknown fields), one message each.</param>
internal sealed record SimInput(EpochInput Epoch, IReadOnlyList<SparseU16Matrix> WeightsSchedule, IReadOnlyList<string> Warnings);
