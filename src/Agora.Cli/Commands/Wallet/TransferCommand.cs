using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Core.Primitives;
using Agora.Protocol.Balances;
using Spectre.Console;

namespace Agora.Cli.Commands.Wallet;

/// <summary><c>agora wallet transfer</c>: sends TAO, showing amount, fee and destination before it signs.</summary>
internal static class TransferCommand
{
    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Coldkey);
        var destination = new Option<string>("--dest", "--destination") { Description = "SS58 address to send to", Required = true };
        var amount = new Option<string>("--amount") { Description = "TAO to send, up to 9 decimals (e.g. 1.5)", Required = true };
        var tip = new Option<string?>("--tip") { Description = "TAO tip for the block author, for priority (default 0)" };
        var waitFor = new Option<string>("--wait-for") { Description = "Return after: inclusion (default), finalization, or none (just submitted)", DefaultValueFactory = _ => "inclusion" };
        waitFor.AcceptOnlyFromAmong("inclusion", "finalization", "none");
        var command = new Command("transfer", "Send TAO from a coldkey (or --uri key) to an address") { destination, amount, tip, waitFor };
        signer.AddTo(command);
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var to = CliContext.ParseAddress(context.ParseResult.GetValue(destination)!, "--dest");
            var value = CliContext.ParseTao(context.ParseResult.GetValue(amount)!, "--amount");
            var tipValue = context.ParseResult.GetValue(tip) is { } tipText ? CliContext.ParseTao(tipText, "--tip") : Rao.Zero;
            if (value.Value == 0)
            {
                throw new CliException("--amount must be more than 0");
            }

            if (value.Value > ulong.MaxValue - tipValue.Value)
            {
                throw new CliException(
                    $"--amount {value.ToTaoString()} plus --tip {tipValue.ToTaoString()} is more than {new Rao(ulong.MaxValue).ToTaoString()} TAO, more than any account can hold; give smaller amounts");
            }

            using var pair = signer.Open(context);
            using var node = new NodeConnection(context.Network);
            var transaction = await node.Sender.SignAsync(pair, new TransferCall(to, value), tipValue, cancellationToken);
            var fee = await node.Sender.QueryFeeAsync(transaction, cancellationToken);
            var balance = await node.Chain.GetAccountAsync(pair.Account, cancellationToken);
            // Summed wide: amount + fee + tip can pass u64 max, and that is just more than anyone holds.
            var needed = (UInt128)value.Value + fee.Value + tipValue.Value;
            if (balance.Free.Value < needed)
            {
                var total = needed <= ulong.MaxValue ? new Rao((ulong)needed).ToTaoString() : $"more than {new Rao(ulong.MaxValue).ToTaoString()}";
                throw new CliException($"insufficient balance: {pair.Account} has {balance.Free.ToTaoString()} TAO free, the transfer needs {total} TAO (amount {value.ToTaoString()} + fee {fee.ToTaoString()} + tip {tipValue.ToTaoString()})");
            }

            if (!context.Json)
            {
                var summary = new Table().AddColumns("From", "To", "Amount (TAO)", "Fee (TAO)", "Tip (TAO)");
                summary.AddRow(pair.Account.ToString(), to.ToString(), value.ToTaoString(), fee.ToTaoString(), tipValue.ToTaoString());
                context.Console.Write(summary);
            }

            if (!context.Confirm($"Send {value.ToTaoString()} TAO to {to}?"))
            {
                await context.Environment.Error.WriteLineAsync("cancelled; nothing was sent");
                return ExitCodes.Declined;
            }

            var hash = await node.Sender.SubmitAsync(transaction, cancellationToken);
            var json = new JsonObject
            {
                ["hash"] = hash.ToString(),
                ["from"] = pair.Account.ToString(),
                ["to"] = to.ToString(),
                ["amount"] = value.Value,
                ["fee"] = fee.Value,
                ["tip"] = tipValue.Value,
            };
            if (context.ParseResult.GetValue(waitFor) != "none")
            {
                var inclusion = await ChainTransaction.WaitAsync(context, node.Sender, transaction, cancellationToken);
                ChainTransaction.ThrowIfFailed(inclusion);
                json["block"] = inclusion.BlockNumber;
                json["block_hash"] = inclusion.BlockHash.ToString();
            }

            context.Output.Result(json, console =>
            {
                if (json["block"] is { } block)
                {
                    console.MarkupLineInterpolated($"[green]Included[/] {hash} in block #{block.GetValue<ulong>()} ({json["block_hash"]!.GetValue<string>()})");
                }
                else
                {
                    console.MarkupLineInterpolated($"[green]Submitted[/] {hash}");
                }
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
