using Agora.Sdk.Axon;
using Agora.Sdk.Dendrite;
using Agora.Sdk.Subnets;
using Agora.Sdk.Synapses;

namespace Agora.Node.Tests.Sdk;

/// <summary>The smallest subnet: the validator sends a number, an honest miner doubles it, a wrong one adds one.</summary>
internal static class DoublingSubnet
{
    public static readonly Synapse<Number, Number> Double = new("double");

    public sealed record Number(long Value);

    public sealed class Miner(bool honest) : ISubnetMiner<Number, Number>
    {
        public ValueTask<Number> ForwardAsync(Number request, SynapseContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new Number(honest ? request.Value * 2 : request.Value + 1));
    }

    public sealed class Validator : ISubnetValidator<Number, Number>
    {
        public Number CreateQuery(ValidatorRound round) => new(round.Number + 3);

        public IReadOnlyList<ScoreUpdate> Score(ValidatorRound round, Number request, IReadOnlyList<DendriteResult<Number>> results) =>
            [.. results.Select(r => new ScoreUpdate(r.Target.Uid!.Value, r.Target.Hotkey, r.Response?.Value == request.Value * 2 ? 1 : 0))];
    }
}
