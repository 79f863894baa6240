using System.CommandLine;
using Agora.Cli.Infrastructure;

namespace Agora.Cli.Commands.Subnets;

/// <summary><c>agora subnets ...</c>: list and inspect subnets, propose and vote on new ones, tune hyperparameters.</summary>
internal static class SubnetsCommand
{
    public static Command Create(CliHost host)
    {
        var subnets = new Command("subnets", "Subnets: list, inspect, propose and vote on launches, hyperparameters");
        subnets.Subcommands.Add(ListCommand.Create(host));
        subnets.Subcommands.Add(ShowCommand.Create(host));
        subnets.Subcommands.Add(ProposeCommand.Create(host));
        subnets.Subcommands.Add(ProposalsCommand.Create(host));
        subnets.Subcommands.Add(VoteCommand.Create(host));
        subnets.Subcommands.Add(CancelCommand.Create(host));
        subnets.Subcommands.Add(HyperparametersCommand.Create(host));
        subnets.Subcommands.Add(SetHyperparameterCommand.Create(host));
        subnets.Subcommands.Add(LockCostCommand.Create(host));
        subnets.Subcommands.Add(RegisterCommand.Create(host));
        subnets.Subcommands.Add(BurnCostCommand.Create(host));
        subnets.Subcommands.Add(DeregistrationsCommand.Create(host));
        return subnets;
    }
}
