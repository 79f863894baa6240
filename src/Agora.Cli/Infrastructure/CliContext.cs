using System.CommandLine;
using Agora.Cli.Rendering;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Sdk.Wallet;
using Spectre.Console;

namespace Agora.Cli.Infrastructure;

/// <summary>
/// One command invocation: the parsed common options resolved against the config file and environment,
/// plus output, prompt and password policy. Chain commands written later use the same context:
/// <see cref="Network"/> for the node, <see cref="Output"/> for results, <see cref="Confirm"/> before
/// acting, <see cref="SignerOptions"/> for the key and <see cref="ParseAddress"/>/<see cref="ParseTao"/> for arguments.
/// </summary>
internal sealed class CliContext
{
    /// <summary>Variable naming the Agora folder (default ~/.agora).</summary>
    public const string HomeVariable = "AGORA_HOME";

    /// <summary>Variable holding a key password for scripts.</summary>
    public const string PasswordVariable = "AGORA_PASSWORD";

    /// <summary>Columns of human output when stdout is not a terminal.</summary>
    public const int RedirectedWidth = 160;

    private const int _passwordFileBytesMax = 4096;

    private readonly CommonOptions _options;
    private CliConfig? _config;
    private WalletStore? _wallets;
    private IAnsiConsole? _console;

    public CliContext(CliHost host, ParseResult parseResult)
    {
        Environment = host.Environment;
        _options = host.Options;
        ParseResult = parseResult;
        Json = parseResult.GetValue(_options.Json);
        NoPrompt = parseResult.GetValue(_options.NoPrompt);
        var home = Environment.Variable(HomeVariable);
        Home = Path.GetFullPath(string.IsNullOrWhiteSpace(home) ? Path.Combine(Environment.UserHome, ".agora") : home);
        Output = new CommandOutput(this);
    }

    /// <summary>The process boundary.</summary>
    public CliEnvironment Environment { get; }

    /// <summary>The parse of this invocation.</summary>
    public ParseResult ParseResult { get; }

    /// <summary>True with --json: stdout carries exactly one JSON document.</summary>
    public bool Json { get; }

    /// <summary>True with -y/--no-prompt.</summary>
    public bool NoPrompt { get; }

    /// <summary>True when stdin is a terminal, so the user can be asked.</summary>
    public bool Interactive => !Environment.IsInputRedirected;

    /// <summary>The Agora folder: $AGORA_HOME or ~/.agora.</summary>
    public string Home { get; }

    /// <summary>The config file of <see cref="Home"/>.</summary>
    public CliConfig Config => _config ??= CliConfig.Load(Path.Combine(Home, "config.json"));

    /// <summary>The node URL: --network/--rpc, else config network, else local.</summary>
    public Uri Network
    {
        get
        {
            var fromOption = ParseResult.GetValue(_options.Network);
            var value = fromOption ?? Config.Get("network") ?? NetworkAddress.LocalName;
            if (NetworkAddress.TryResolve(value, out var url, out var error))
            {
                return url;
            }

            throw new CliException(fromOption is null ? $"{error} (from {Config.Path}; change it with `agora config set network local`)" : error);
        }
    }

    /// <summary>The wallets folder: --wallets-path, else config wallets_path, else $AGORA_HOME/wallets.</summary>
    public string WalletsPath =>
        ParseResult.GetValue(_options.WalletsPath) ?? Config.Get("wallets_path") ?? Path.Combine(Home, "wallets");

    /// <summary>The wallet store over <see cref="WalletsPath"/>; what it makes owner-only is said on stderr.</summary>
    public WalletStore Wallets => _wallets ??= new WalletStore(WalletsPath, Environment.Random, Environment.Kdf, Warn);

    /// <summary>Human output on stdout (tables, markup). Never used for --json.</summary>
    public IAnsiConsole Console => _console ??= CreateConsole(Environment);

    /// <summary>Result output: JSON or human, chosen by --json.</summary>
    public CommandOutput Output { get; }

    /// <summary>Writes a warning to stderr (never to stdout, so --json stays clean).</summary>
    public void Warn(string message) => Environment.Error.WriteLine($"warning: {message}");

    /// <summary>
    /// Asks a yes/no question when stdin is a terminal and -y was not given; otherwise proceeds (true), as
    /// interfaces.md asks. Commands that destroy data should also require an explicit flag.
    /// </summary>
    public bool Confirm(string question, bool defaultValue = true)
    {
        if (NoPrompt || !Interactive)
        {
            return true;
        }

        return Environment.Terminal().Prompt(new ConfirmationPrompt(question) { DefaultValue = defaultValue });
    }

    /// <summary>
    /// The password of an existing key: --password-file, else $AGORA_PASSWORD, else a hidden prompt on a
    /// terminal, else an error saying how to supply one.
    /// </summary>
    public string ReadPassword(string what) => ReadPassword(what, confirm: false);

    /// <summary>A new password (asked twice on a terminal); same sources as <see cref="ReadPassword(string)"/>.</summary>
    public string ReadNewPassword(string what) => ReadPassword(what, confirm: true);

    /// <summary>Asks for a secret on the terminal (hidden), or fails naming <paramref name="option"/> as the alternative.</summary>
    public string PromptSecret(string prompt, string option)
    {
        if (!Interactive)
        {
            throw new CliException($"{option} is required when stdin is not a terminal");
        }

        return Environment.Terminal().Prompt(new TextPrompt<string>(prompt) { IsSecret = true });
    }

    /// <summary>Parses an SS58 address given to <paramref name="option"/>, naming what is wrong.</summary>
    public static AccountId ParseAddress(string text, string option) =>
        Ss58.TryDecode(text, out var account, out var error) ? account : throw new CliException($"{option}: {error}");

    /// <summary>Parses a TAO amount (up to 9 decimals) given to <paramref name="option"/>.</summary>
    public static Rao ParseTao(string text, string option) =>
        Rao.TryParseTao(text, out var amount, out var error) ? amount : throw new CliException($"{option}: {error}");

    /// <summary>Parses <c>0x</c> hex given to <paramref name="option"/>.</summary>
    public static byte[] ParseHex(string text, string option, int? size = null)
    {
        try
        {
            return size is { } n ? HexFormat.Decode(text, n, option) : HexFormat.Decode(text, option);
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message, e);
        }
    }

    private string ReadPassword(string what, bool confirm)
    {
        if (ParseResult.GetValue(_options.PasswordFile) is { } file)
        {
            return ReadPasswordFile(file);
        }

        if (Environment.Variable(PasswordVariable) is { Length: > 0 } fromVariable)
        {
            return fromVariable;
        }

        if (!Interactive)
        {
            throw new CliException(
                $"{what} needs a password and stdin is not a terminal: set {PasswordVariable} or pass --password-file FILE");
        }

        var terminal = Environment.Terminal();
        while (true)
        {
            var password = terminal.Prompt(new TextPrompt<string>($"Password for {what}:") { IsSecret = true });
            if (!confirm)
            {
                return password;
            }

            if (password.Length == 0)
            {
                terminal.WriteLine("The password is empty; choose one (it encrypts the key on disk).");
                continue;
            }

            if (terminal.Prompt(new TextPrompt<string>("Repeat the password:") { IsSecret = true }) == password)
            {
                return password;
            }

            terminal.WriteLine("The passwords differ; try again.");
        }
    }

    // Redirected output gets no ANSI codes and a fixed width, so pipes and tests see stable text.
    private static IAnsiConsole CreateConsole(CliEnvironment environment)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(environment.Out),
            Ansi = environment.IsOutputTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = environment.IsOutputTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!environment.IsOutputTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    private static string ReadPasswordFile(string file)
    {
        var info = new FileInfo(file);
        if (!info.Exists)
        {
            throw new CliException($"--password-file: {file} does not exist");
        }

        if (info.Length > _passwordFileBytesMax)
        {
            throw new CliException($"--password-file: {file} is larger than {_passwordFileBytesMax} bytes; it should hold only the password");
        }

        using var reader = new StreamReader(file);
        var password = reader.ReadLine();
        return string.IsNullOrEmpty(password)
            ? throw new CliException($"--password-file: the first line of {file} is empty; write the password on it")
            : password;
    }
}
