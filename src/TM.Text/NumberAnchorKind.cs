namespace TM.Text;

/// <summary>What a <see cref="NumberAnchor"/> denotes.</summary>
public enum NumberAnchorKind
{
    /// <summary>A plain quantity: 17만, 170,000, five, 3.5, 35%.</summary>
    Cardinal,

    /// <summary>A rank or sequence number: 제5차, 5th, first, 19세기, 38선 (the 38th parallel).</summary>
    Ordinal,

    /// <summary>A calendar year: 1951년, 1951, the 1950s (value 1950).</summary>
    Year,

    /// <summary>A month of the year, 1 to 12: 5월, May, Jan.</summary>
    Month,

    /// <summary>A day of a month, encoded as month × 100 + day: 7월 26일, 26 July and July 26 are all 726.</summary>
    Date,
}
