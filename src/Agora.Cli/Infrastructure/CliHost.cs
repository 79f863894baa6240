namespace Agora.Cli.Infrastructure;

/// <summary>What every command factory receives: the process environment and the root's common options.</summary>
/// <param name="Environment">Streams, terminal state, variables, home, randomness.</param>
/// <param name="Options">The recursive options of the root command.</param>
internal sealed record CliHost(CliEnvironment Environment, CommonOptions Options);
