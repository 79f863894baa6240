using System.CommandLine;
using Agora.Cli.Commands.Axon;
using Agora.Cli.Commands.Config;
using Agora.Cli.Commands.Delegates;
using Agora.Cli.Commands.Localnet;
using Agora.Cli.Commands.Metagraph;
using Agora.Cli.Commands.Node;
using Agora.Cli.Commands.Senate;
using Agora.Cli.Commands.Sim;
using Agora.Cli.Commands.Stake;
using Agora.Cli.Commands.Subnets;
using Agora.Cli.Commands.Wallet;
using Agora.Cli.Commands.Weights;
using Agora.Cli.Infrastructure;

namespace Agora.Cli;

/// <summary>Builds the <c>agora</c> command tree over an environment and runs it.</summary>
internal static class CliApp
{
    /// <summary>The root command with every command group.</summary>
    public static RootCommand BuildRoot(CliEnvironment environment)
    {
        var options = new CommonOptions();
        var host = new CliHost(environment, options);
        var root = new RootCommand("Agora: a market for machine intelligence.");
        options.AddTo(root);

        // Command groups, one line each.
        root.Subcommands.Add(WalletCommand.Create(host));
        root.Subcommands.Add(ConfigCommand.Create(host));
        root.Subcommands.Add(NodeCommand.Create(host));
        root.Subcommands.Add(SimCommand.Create());
        root.Subcommands.Add(LocalnetCommand.Create(host));
        root.Subcommands.Add(SubnetsCommand.Create(host));
        root.Subcommands.Add(StakeCommand.Create(host));
        root.Subcommands.Add(DelegatesCommand.Create(host));
        root.Subcommands.Add(SenateCommand.Create(host));
        root.Subcommands.Add(WeightsCommand.Create(host));
        root.Subcommands.Add(AxonCommand.Create(host));
        root.Subcommands.Add(MetagraphCommand.Create(host));

        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/> synchronously (tests; async actions still run to completion).</summary>
    public static int Run(string[] args, CliEnvironment environment)
    {
        var configuration = Configuration(environment);
        return BuildRoot(environment).Parse(args).Invoke(configuration);
    }

    /// <summary>Parses and runs <paramref name="args"/>; help and parse errors go to the environment's writers.</summary>
    public static Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var configuration = Configuration(environment);
        return BuildRoot(environment).Parse(args).InvokeAsync(configuration, cancellationToken);
    }

    // System.CommandLine 2.0.0 leaves the termination timeout unset, and then Ctrl-C/SIGTERM end the process at
    // once; with a timeout they cancel the command, so that a node shuts down cleanly.
    private static InvocationConfiguration Configuration(CliEnvironment environment) => new()
    {
        Output = environment.Out,
        Error = environment.Error,
        ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
    };
}
