using System.CommandLine;
using Agora.Cli.Infrastructure;

namespace Agora.Cli.Tests.Config;

public sealed class ConfigCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Set_then_get_returns_the_value_and_the_file_lives_in_agora_home()
    {
        var set = _cli.Run("config", "set", "network", "http://10.0.0.5:9944");
        var get = _cli.Run("config", "get", "network", "--json");

        Assert.Equal(0, set.ExitCode);
        Assert.Equal("http://10.0.0.5:9944", (string)get.Json["network"]!);
        Assert.True(File.Exists(Path.Combine(_cli.AgoraHome, "config.json")));
    }

    [Fact]
    public void Get_without_a_key_lists_every_value()
    {
        _cli.Run("config", "set", "wallet", "main");
        _cli.Run("config", "set", "hotkey", "miner");

        var result = _cli.Run("config", "get", "--json");

        Assert.Equal("{\n  \"hotkey\": \"miner\",\n  \"wallet\": \"main\"\n}\n", result.Stdout);
    }

    [Fact]
    public void An_unknown_key_is_refused_with_the_list_of_keys()
    {
        var result = _cli.Run("config", "set", "colour", "blue");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("network, wallet, hotkey, wallets_path", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_network_that_is_not_a_url_is_refused()
    {
        var result = _cli.Run("config", "set", "network", "mainnet-ish");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("use 'local' or a node URL", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configured_wallet_is_the_default_signer()
    {
        _cli.With("AGORA_PASSWORD", "pw");
        var created = _cli.Run("wallet", "create", "--wallet", "main", "--json");
        _cli.Run("config", "set", "wallet", "main");

        var inspect = _cli.Run("wallet", "inspect", "--json");

        Assert.Equal((string)created.Json["coldkey"]!["ss58_address"]!, (string)inspect.Json["ss58_address"]!);
    }

    [Fact]
    public void A_corrupt_config_file_is_named_with_the_fix()
    {
        Directory.CreateDirectory(_cli.AgoraHome);
        File.WriteAllText(Path.Combine(_cli.AgoraHome, "config.json"), "{ not json");

        var result = _cli.Run("config", "get");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("fix or delete it", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "http://127.0.0.1:9944/")]
    [InlineData("local", null, "http://127.0.0.1:9944/")]
    [InlineData(null, "ws://node.example:9944", "ws://node.example:9944/")]
    [InlineData("https://rpc.example", "ws://ignored:1", "https://rpc.example/")]
    public void The_network_is_the_option_else_the_config_else_local(string? option, string? configured, string expected)
    {
        if (configured is not null)
        {
            Directory.CreateDirectory(_cli.AgoraHome);
            File.WriteAllText(Path.Combine(_cli.AgoraHome, "config.json"), $"{{\"network\":\"{configured}\"}}");
        }

        var context = Context(option is null ? [] : ["--rpc", option]);

        Assert.Equal(expected, context.Network.ToString());
    }

    private CliContext Context(string[] args)
    {
        var options = new CommonOptions();
        var root = new RootCommand();
        options.AddTo(root);
        var environment = new CliEnvironment
        {
            Out = TextWriter.Null,
            Error = TextWriter.Null,
            IsInputRedirected = true,
            Variable = name => name == CliContext.HomeVariable ? _cli.AgoraHome : null,
            UserHome = _cli.Home,
        };
        return new CliContext(new CliHost(environment, options), root.Parse(args));
    }
}
