using System.Globalization;
using System.Text;

namespace TM.Interchange;

/// <summary>
/// What a reader did with the units of a file: how many it returned, how many it left out and why, and how many
/// carried more than one variant of a language. Updated as the reader goes, so it is complete once the units have
/// been enumerated to the end.
/// </summary>
public sealed class ReadStatistics
{
    private readonly int[] _skipped = new int[Enum.GetValues<SkipReason>().Length];

    /// <summary>The units returned.</summary>
    public int UnitsRead { get; private set; }

    /// <summary>The units left out, for any reason.</summary>
    public int UnitsSkipped { get; private set; }

    /// <summary>
    /// The units that held more than one variant of Korean or of English (en-US and en-GB); the first variant of
    /// each language was used and the others were ignored.
    /// </summary>
    public int UnitsWithExtraVariants { get; private set; }

    /// <summary>The units left out for <paramref name="reason"/>.</summary>
    /// <param name="reason">A reason.</param>
    /// <returns>The count.</returns>
    public int Skipped(SkipReason reason) => _skipped[(int)reason];

    /// <summary>A one-line summary such as "1,200 units read; 3 skipped (2 other languages, 1 empty segment); 1 with extra variants".</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{UnitsRead:N0} units read; {UnitsSkipped:N0} skipped");
        if (UnitsSkipped > 0)
        {
            string separator = " (";
            foreach (SkipReason reason in Enum.GetValues<SkipReason>())
            {
                if (Skipped(reason) > 0)
                {
                    text.Append(separator).Append(CultureInfo.InvariantCulture, $"{Skipped(reason):N0} {Describe(reason)}");
                    separator = ", ";
                }
            }

            text.Append(')');
        }

        if (UnitsWithExtraVariants > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {UnitsWithExtraVariants:N0} with extra variants");
        }

        return text.ToString();
    }

    internal void CountRead() => UnitsRead++;

    internal void CountSkipped(SkipReason reason)
    {
        _skipped[(int)reason]++;
        UnitsSkipped++;
    }

    internal void CountExtraVariants() => UnitsWithExtraVariants++;

    private static string Describe(SkipReason reason) => reason switch
    {
        SkipReason.OtherLanguages => "other languages",
        SkipReason.MissingKorean => "no Korean",
        SkipReason.MissingEnglish => "no English",
        SkipReason.NotTranslated => "not translated",
        _ => "empty segment",
    };
}
