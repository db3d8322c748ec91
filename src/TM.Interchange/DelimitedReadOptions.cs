namespace TM.Interchange;

/// <summary>How <see cref="DelimitedPairReader"/> finds the two languages, and the limit on a field; the defaults detect everything.</summary>
public sealed record DelimitedReadOptions
{
    /// <summary>The defaults: detect the header and the columns, 100,000 characters per field.</summary>
    public static DelimitedReadOptions Default { get; } = new();

    /// <summary>
    /// Whether the first record is a header row; null (the default) detects it: the first record is a header when
    /// at least two of its cells are column labels such as ko, ko-KR, Korean, 한국어, en, English, source, target or
    /// "source (ko)".
    /// </summary>
    public bool? HasHeader { get; init; }

    /// <summary>The 0-based column of the Korean text; null (the default) takes it from the header or, failing that, the column with the most Hangul.</summary>
    public int? KoreanColumn { get; init => field = NotNegative(value); }

    /// <summary>The 0-based column of the English text; null (the default) takes it from the header or, failing that, the other column with the most Latin letters.</summary>
    public int? EnglishColumn { get; init => field = NotNegative(value); }

    /// <summary>The most characters one field may hold. Default 100,000; a longer field is an error naming its line, which also catches a quote that is never closed.</summary>
    public int MaxSegmentLength { get; init => field = Positive(value); } = 100_000;

    private static int? NotNegative(int? value)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A column number is 0 or more.");
        }

        return value;
    }

    private static int Positive(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        return value;
    }
}
