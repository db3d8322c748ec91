using System.Globalization;

namespace TM.Text;

/// <summary>
/// A number found in a sentence, normalised so that a Korean sentence and its English translation yield equal
/// anchors: 17만 and 170,000 are both <c>(Cardinal, 170000)</c>, 5월 and May are both <c>(Month, 5)</c>.
/// </summary>
/// <param name="Kind">What the number denotes.</param>
/// <param name="Value">The normalised value (see <see cref="NumberAnchorKind"/> for dates).</param>
public readonly record struct NumberAnchor(NumberAnchorKind Kind, decimal Value)
{
    /// <summary>
    /// The key under which the aligner matches anchors across languages. Cardinals and ordinals share a key,
    /// because translators move between them ("제5차" ↔ "fifth", "1차 증언" ↔ "first-hand account", "5개년" ↔ "Five-Year").
    /// </summary>
    /// <remarks>
    /// The value is written without trailing zeros: "1.2 million" is computed as 1200000.0 and 120만 as 1200000, which
    /// are the same number and must have the same key.
    /// </remarks>
    public string MatchKey => Kind switch
    {
        NumberAnchorKind.Year => "y" + Value.ToString(KeyFormat, CultureInfo.InvariantCulture),
        NumberAnchorKind.Month => "m" + Value.ToString(KeyFormat, CultureInfo.InvariantCulture),
        NumberAnchorKind.Date => "d" + Value.ToString(KeyFormat, CultureInfo.InvariantCulture),
        _ => "n" + Value.ToString(KeyFormat, CultureInfo.InvariantCulture),
    };

    // Every significant decimal place a decimal can have, and no trailing zeros.
    private const string KeyFormat = "0.############################";

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} {Value}";
}
