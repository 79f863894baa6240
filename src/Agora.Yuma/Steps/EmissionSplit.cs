namespace Agora.Yuma.Steps;

/// <summary>Step 12's result: rao per neuron and what rounding left over.</summary>
/// <param name="Miner">Rao from incentive.</param>
/// <param name="Validator">Rao from dividends.</param>
/// <param name="Total">Miner plus validator rao.</param>
/// <param name="Dust">Emission minus everything paid.</param>
internal sealed record EmissionSplit(ulong[] Miner, ulong[] Validator, ulong[] Total, ulong Dust);
