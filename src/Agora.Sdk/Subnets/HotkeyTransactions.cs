using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Protocol.Transactions;
using Agora.Sdk.Client;
using Microsoft.Extensions.Logging;

namespace Agora.Sdk.Subnets;

/// <summary>
/// Sends a host's hotkey-signed calls without waiting for inclusion (a host's loop must not stall on block time), one
/// at a time: while the last one is still pending its nonce is unused, so a second would be refused as a duplicate.
/// </summary>
internal sealed class HotkeyTransactions
{
    private readonly TransactionSender _sender;
    private readonly ChainClient _chain;
    private readonly ILogger _logger;
    private ulong? _pendingNonce;

    public HotkeyTransactions(IRpcCaller rpc, TimeProvider time, ILogger logger)
    {
        _sender = new TransactionSender(rpc, time);
        _chain = new ChainClient(rpc);
        _logger = logger;
    }

    /// <summary>True while the last call sent has not been included yet.</summary>
    public async Task<bool> IsBusyAsync(KeyPair hotkey, CancellationToken cancellationToken)
    {
        if (_pendingNonce is not { } pending)
        {
            return false;
        }

        var account = await _chain.GetAccountAsync(hotkey.Account, cancellationToken);
        if (account.Nonce > pending)
        {
            _pendingNonce = null;
            return false;
        }

        return true;
    }

    /// <summary>Signs and submits <paramref name="call"/>; the transaction hash, or null (logged) when the node refuses it.</summary>
    public async Task<Hash256?> SubmitAsync(KeyPair hotkey, Call call, string action, CancellationToken cancellationToken)
    {
        var transaction = await _sender.SignAsync(hotkey, call, Rao.Zero, cancellationToken);
        try
        {
            var hash = await _sender.SubmitAsync(transaction, cancellationToken);
            _pendingNonce = transaction.Body.Nonce;
            return hash;
        }
        catch (RpcException e)
        {
            _logger.SubmitRefused(action, e.Message);
            return null;
        }
    }
}
