using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>One pending weights commit of <c>agora_getCommits</c>.</summary>
/// <param name="Hotkey">The committing hotkey.</param>
/// <param name="Hash">The committed hash.</param>
/// <param name="CommitBlock">The block it was committed in.</param>
/// <param name="FirstRevealBlock">The first block its reveal is accepted in.</param>
/// <param name="LastRevealBlock">The last block its reveal is accepted in.</param>
public sealed record PendingCommit(AccountId Hotkey, Hash256 Hash, ulong CommitBlock, ulong FirstRevealBlock, ulong LastRevealBlock);
