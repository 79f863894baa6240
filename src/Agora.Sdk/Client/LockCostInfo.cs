using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>The result of <c>agora_getLockCost</c>: what a proposal included in <paramref name="Block"/> locks.</summary>
public sealed record LockCostInfo(Rao LockCost, ulong Block);
