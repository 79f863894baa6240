using System.CommandLine;
using Agora.Core.Primitives;

namespace Agora.Cli.Infrastructure;

/// <summary><c>--amount TAO</c> and, where a whole position can be meant, <c>--all</c>.</summary>
internal sealed class AmountOptions(bool allowAll)
{
    /// <summary>The on-chain amount meaning "the whole position".</summary>
    public static readonly Rao Whole = new(ulong.MaxValue);

    public Option<string?> Amount { get; } = new("--amount") { Description = "TAO, up to 9 decimals (e.g. 1.5)" };

    public Option<bool> All { get; } = new("--all") { Description = "The whole position" };

    public void AddTo(Command command)
    {
        command.Options.Add(Amount);
        if (allowAll)
        {
            command.Options.Add(All);
        }
    }

    /// <summary>The amount given, or <see cref="Whole"/> for --all.</summary>
    public Rao Resolve(CliContext context)
    {
        var text = context.ParseResult.GetValue(Amount);
        var all = allowAll && context.ParseResult.GetValue(All);
        if (text is not null && all)
        {
            throw new CliException("give either --amount TAO or --all, not both");
        }

        if (all)
        {
            return Whole;
        }

        if (text is null)
        {
            throw new CliException(allowAll ? "give --amount TAO, or --all for the whole position" : "give --amount TAO");
        }

        var amount = CliContext.ParseTao(text, "--amount");
        if (amount.Value == 0)
        {
            throw new CliException("--amount must be more than 0");
        }

        // The chain reads u64 max rao as "the whole position"; typed out, it is almost surely not meant that way.
        return amount == Whole
            ? throw new CliException(allowAll
                ? $"--amount {Whole.ToTaoString()} is the largest amount there is, which the chain reads as \"the whole position\"; pass --all for that, or a smaller amount"
                : $"--amount {Whole.ToTaoString()} is the largest amount there is, more than any account holds; give a smaller amount")
            : amount;
    }

    /// <summary>How the summary shows <paramref name="amount"/>.</summary>
    public static string Describe(Rao amount) => amount == Whole ? "all" : amount.ToTaoString();
}
