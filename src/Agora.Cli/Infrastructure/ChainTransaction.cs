using System.Text.Json.Nodes;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Protocol.Transactions;
using Agora.Sdk.Client;
using Spectre.Console;

namespace Agora.Cli.Infrastructure;

/// <summary>
/// The steps every signing command shares (spec/interfaces.md, "The economy"): sign, show a summary with the fee,
/// ask on a terminal, submit, wait for inclusion with a spinner, and succeed only when the call did not fail; a
/// failed call is an error naming the module's error and what it means.
/// </summary>
internal static class ChainTransaction
{
    /// <summary>
    /// Runs the steps for <paramref name="call"/> signed by <paramref name="signer"/>. <paramref name="summary"/> are
    /// the rows shown before asking (the fee is added). Returns null when the user declined, else the inclusion;
    /// <paramref name="json"/> gains hash, fee, block and block_hash.
    /// </summary>
    public static async Task<TransactionInclusion?> RunAsync(
        CliContext context, NodeConnection node, KeyPair signer, Call call, IReadOnlyList<(string Name, string Value)> summary, string question,
        JsonObject json, CancellationToken cancellationToken)
    {
        var transaction = await node.Sender.SignAsync(signer, call, Rao.Zero, cancellationToken);
        var fee = await node.Sender.QueryFeeAsync(transaction, cancellationToken);
        if (!context.Json)
        {
            var table = new Table().AddColumns("", "").HideHeaders();
            table.AddRow("Signer", signer.Account.ToString());
            foreach (var (name, value) in summary)
            {
                table.AddRow(Markup.Escape(name), Markup.Escape(value));
            }

            table.AddRow("Fee (TAO)", fee.ToTaoString());
            context.Console.Write(table);
        }

        if (!context.Confirm(question))
        {
            await context.Environment.Error.WriteLineAsync("cancelled; nothing was sent");
            return null;
        }

        var hash = await node.Sender.SubmitAsync(transaction, cancellationToken);
        var inclusion = await WaitAsync(context, node.Sender, transaction, cancellationToken);
        ThrowIfFailed(inclusion);

        json["hash"] = hash.ToString();
        json["fee"] = fee.Value;
        json["block"] = inclusion.BlockNumber;
        json["block_hash"] = inclusion.BlockHash.ToString();
        return inclusion;
    }

    /// <summary>A failed call as a user error: the module's error, what it means, and that only the fee was taken.</summary>
    public static void ThrowIfFailed(TransactionInclusion inclusion)
    {
        if (inclusion.Failure is { } failure)
        {
            var meaning = failure.Meaning.Length == 0 ? string.Empty : $" ({failure.Meaning})";
            throw new CliException(
                $"{failure.Module}.{failure.Error}{meaning}: transaction {inclusion.TransactionHash} was included in block #{inclusion.BlockNumber} and paid its fee, but its call failed and changed nothing else");
        }
    }

    /// <summary>Prints "Included … in block #N" after <paramref name="what"/>, or the JSON.</summary>
    public static void Report(CliContext context, JsonObject json, string what) =>
        context.Output.Result(json, console => console.MarkupLineInterpolated(
            $"[green]{what}[/]: included {json["hash"]!.GetValue<string>()} in block #{json["block"]!.GetValue<ulong>()}"));

    /// <summary>Waits for inclusion, with a spinner on a terminal.</summary>
    public static async Task<TransactionInclusion> WaitAsync(CliContext context, TransactionSender sender, SignedTransaction transaction, CancellationToken cancellationToken)
    {
        if (context.Json || !context.Environment.IsOutputTerminal)
        {
            return await sender.WaitForInclusionAsync(transaction, cancellationToken);
        }

        TransactionInclusion? inclusion = null;
        await context.Console.Status().Spinner(Spinner.Known.Dots).StartAsync("Waiting for inclusion...", async _ =>
            inclusion = await sender.WaitForInclusionAsync(transaction, cancellationToken));
        return inclusion!;
    }
}
