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
    public string MatchKey => Kind switch
    {
        NumberAnchorKind.Year => "y" + Value.ToString(CultureInfo.InvariantCulture),
        NumberAnchorKind.Month => "m" + Value.ToString(CultureInfo.InvariantCulture),
        NumberAnchorKind.Date => "d" + Value.ToString(CultureInfo.InvariantCulture),
        _ => "n" + Value.ToString(CultureInfo.InvariantCulture),
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} {Value}";
}
