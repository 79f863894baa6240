using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>The result of <c>state_getAccount</c>; amounts in rao.</summary>
/// <param name="Free">Spendable balance.</param>
/// <param name="Staked">Balance staked to hotkeys.</param>
/// <param name="Reserved">Balance locked (deposits, registration).</param>
/// <param name="Nonce">The nonce the account's next transaction must carry.</param>
public sealed record AccountInfo(Rao Free, Rao Staked, Rao Reserved, ulong Nonce);
