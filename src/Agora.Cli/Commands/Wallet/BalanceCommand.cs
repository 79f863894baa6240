using System.CommandLine;
using System.Text.Json.Nodes;
using Agora.Cli.Infrastructure;
using Agora.Core.Primitives;
using Spectre.Console;

namespace Agora.Cli.Commands.Wallet;

/// <summary><c>agora wallet balance</c>: free, staked and reserved TAO of an account.</summary>
internal static class BalanceCommand
{
    public static Command Create(CliHost host)
    {
        var signer = new SignerOptions(KeyRole.Coldkey);
        var address = new Option<string?>("--address", "--ss58") { Description = "Any account's SS58 address instead of a wallet's" };
        var command = new Command("balance", "Show an account's balances (free, staked, reserved) from the node") { address };
        signer.AddTo(command);
        CommandRunner.SetAction(command, host, async (context, cancellationToken) =>
        {
            var given = context.ParseResult.GetValue(address);
            var account = given is null ? signer.ReadAccount(context) : CliContext.ParseAddress(given, "--address");
            using var node = new NodeConnection(context.Network);
            var info = await node.Chain.GetAccountAsync(account, cancellationToken);
            var sum = (UInt128)info.Free.Value + info.Staked.Value + info.Reserved.Value;
            if (sum > ulong.MaxValue)
            {
                // No account can hold that much (the cap is 21M TAO): the node is broken or not an Agora node.
                throw new CliException($"the node reported balances for {account} that add up to more than {new Rao(ulong.MaxValue).ToTaoString()} TAO; check --network");
            }

            var total = new Rao((ulong)sum);
            var json = new JsonObject
            {
                ["ss58_address"] = account.ToString(),
                ["free"] = info.Free.Value,
                ["staked"] = info.Staked.Value,
                ["reserved"] = info.Reserved.Value,
                ["total"] = total.Value,
                ["nonce"] = info.Nonce,
            };
            context.Output.Result(json, console =>
            {
                var table = new Table().AddColumns("Account", "Free (TAO)", "Staked (TAO)", "Reserved (TAO)", "Total (TAO)");
                table.AddRow(account.ToString(), info.Free.ToTaoString(), info.Staked.ToTaoString(), info.Reserved.ToTaoString(), total.ToTaoString());
                console.Write(table);
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
