namespace TM.Text;

/// <summary>
/// A <see cref="NumberAnchor"/> with the span of the sentence that expresses it, so that the number can be replaced
/// in place. The span takes the number with the markers that make its kind: <c>1951년</c>, <c>제5차</c>, <c>17만</c>,
/// <c>5th</c>, <c>1950s</c>, <c>700 million</c>, <c>fifth</c>, <c>다섯</c>. A date spans the day and the month together
/// (<c>7월 26일</c>, <c>26 July</c>, <c>July 26th</c>); the month anchor of that date spans only the month
/// (<c>7월</c>, <c>July</c>) and so lies inside the date's span.
/// </summary>
/// <param name="Anchor">The normalised number.</param>
/// <param name="Start">The UTF-16 index of the first character of the span.</param>
/// <param name="Length">The UTF-16 length of the span.</param>
public readonly record struct NumberMention(NumberAnchor Anchor, int Start, int Length)
{
    /// <summary>The UTF-16 index just after the span.</summary>
    public int End => Start + Length;

    /// <summary>Whether this mention's span lies within <paramref name="other"/>'s (the month of a date in its date).</summary>
    /// <param name="other">Another mention of the same sentence.</param>
    public bool IsWithin(NumberMention other) => other.Start <= Start && End <= other.End;

    /// <inheritdoc/>
    public override string ToString() => $"{Anchor} [{Start}..{End})";
}
