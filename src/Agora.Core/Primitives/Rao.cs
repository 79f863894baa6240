using System.Globalization;

namespace Agora.Core.Primitives;

/// <summary>
/// An amount of the native token in rao (1 TAO = 10^9 rao). Arithmetic is checked: an overflow or a
/// negative result throws instead of wrapping, because a wrapped balance would mint or destroy money.
/// </summary>
public readonly record struct Rao(ulong Value) : IComparable<Rao>
{
    /// <summary>Rao per TAO.</summary>
    public const ulong PerTao = 1_000_000_000UL;

    /// <summary>Digits after the decimal point of a TAO amount.</summary>
    public const int TaoDecimals = 9;

    /// <summary>No money.</summary>
    public static readonly Rao Zero = new(0);

    /// <summary>The amount <paramref name="tao"/> whole TAO.</summary>
    public static Rao FromTao(ulong tao) => new(checked(tao * PerTao));

    /// <summary>Checked addition.</summary>
    public static Rao operator +(Rao left, Rao right) => new(checked(left.Value + right.Value));

    /// <summary>Checked subtraction; throws <see cref="OverflowException"/> when the result would be negative.</summary>
    public static Rao operator -(Rao left, Rao right) => new(checked(left.Value - right.Value));

    /// <summary>Compares amounts.</summary>
    public static bool operator <(Rao left, Rao right) => left.Value < right.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator >(Rao left, Rao right) => left.Value > right.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator <=(Rao left, Rao right) => left.Value <= right.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator >=(Rao left, Rao right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(Rao other) => Value.CompareTo(other.Value);

    /// <summary>The smaller of two amounts.</summary>
    public static Rao Min(Rao left, Rao right) => left.Value <= right.Value ? left : right;

    /// <summary>The larger of two amounts.</summary>
    public static Rao Max(Rao left, Rao right) => left.Value >= right.Value ? left : right;

    /// <summary>
    /// Parses a TAO amount such as <c>1</c>, <c>1.5</c> or <c>0.000000001</c> (at most 9 decimals) into rao,
    /// without floating point.
    /// </summary>
    public static bool TryParseTao(string text, out Rao amount, out string error)
    {
        amount = Zero;
        error = string.Empty;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = "the amount is empty; give TAO like 1.5";
            return false;
        }

        var point = trimmed.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? trimmed : trimmed[..point];
        var fraction = point < 0 ? string.Empty : trimmed[(point + 1)..];
        if (whole.Length == 0 && fraction.Length == 0 || !AllDigits(whole) || !AllDigits(fraction))
        {
            error = $"'{text}' is not a TAO amount; use digits with an optional '.' like 1.5";
            return false;
        }

        if (fraction.Length > TaoDecimals)
        {
            error = $"'{text}' has {fraction.Length} decimals; TAO has at most {TaoDecimals} (1 rao = 0.000000001 TAO)";
            return false;
        }

        if (!ulong.TryParse(whole.Length == 0 ? "0" : whole, NumberStyles.None, CultureInfo.InvariantCulture, out var wholeTao)
            || wholeTao > ulong.MaxValue / PerTao)
        {
            error = $"'{text}' is too large";
            return false;
        }

        var fractionRao = fraction.Length == 0
            ? 0UL
            : ulong.Parse(fraction.PadRight(TaoDecimals, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        var total = (UInt128)wholeTao * PerTao + fractionRao;
        if (total > ulong.MaxValue)
        {
            error = $"'{text}' is too large";
            return false;
        }

        amount = new Rao((ulong)total);
        return true;
    }

    /// <summary>Parses a TAO amount or throws <see cref="FormatException"/> naming what was wrong.</summary>
    public static Rao ParseTao(string text) =>
        TryParseTao(text, out var amount, out var error) ? amount : throw new FormatException(error);

    /// <summary>Formats as TAO with trailing zeros trimmed (at least one decimal), e.g. <c>1.5</c>, <c>0.000000001</c>.</summary>
    public string ToTaoString()
    {
        var whole = Value / PerTao;
        var fraction = (Value % PerTao).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        return string.Concat(whole.ToString(CultureInfo.InvariantCulture), ".", fraction.Length == 0 ? "0" : fraction);
    }

    /// <inheritdoc />
    public override string ToString() => $"{ToTaoString()} TAO";

    private static bool AllDigits(string text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
