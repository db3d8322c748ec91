namespace TM.Interchange;

/// <summary>
/// The contract between segment text and its inline tags: every character of the Private Use Area
/// U+E000..U+F8FF in <see cref="TranslationUnit.Korean"/>, <see cref="TranslationUnit.English"/> or
/// <see cref="InlineSub.Text"/> stands for one inline tag, <c>U+E000 + i</c> for the tag at index <c>i</c> of the
/// matching tag list, and nothing else in the text is markup.
/// </summary>
/// <remarks>
/// <para>
/// One character per tag keeps offsets, lengths and edit distances meaningful, cannot be mistaken for a word (the
/// TM analyzer classes private-use characters as punctuation, not letters or symbols), and never collides with
/// anything a translator typed: a private-use character that was literal text in the file (a Wingdings bullet
/// U+F0B7 exported by Word, the Apple logo U+F8FF) becomes a tag of kind <see cref="InlineTagKind.PrivateUse"/>
/// and is written back as itself.
/// </para>
/// <para>
/// Matching and scoring must skip this range (<see cref="IsPlaceholder"/>): a tag is formatting, not content.
/// A segment holds at most <see cref="MaxCount"/> tags.
/// </para>
/// </remarks>
public static class InlinePlaceholder
{
    /// <summary>The placeholder of the tag at index 0: U+E000.</summary>
    public const char First = '\uE000';

    /// <summary>The last character of the placeholder range: U+F8FF, the end of the BMP Private Use Area.</summary>
    public const char Last = '\uF8FF';

    /// <summary>The most tags one segment (or one <see cref="InlineSub"/>) can hold: 6,400.</summary>
    public const int MaxCount = Last - First + 1;

    /// <summary>Whether <paramref name="c"/> is a placeholder, that is, lies in U+E000..U+F8FF.</summary>
    /// <param name="c">A character of segment text.</param>
    /// <returns>True for a placeholder.</returns>
    public static bool IsPlaceholder(char c) => c is >= First and <= Last;

    /// <summary>The placeholder of the tag at <paramref name="index"/>.</summary>
    /// <param name="index">0-based index into the segment's tag list, below <see cref="MaxCount"/>.</param>
    /// <returns><c>U+E000 + index</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below <see cref="MaxCount"/>.</exception>
    public static char ForIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MaxCount);
        return (char)(First + index);
    }

    /// <summary>The tag index a placeholder stands for.</summary>
    /// <param name="placeholder">A character in U+E000..U+F8FF.</param>
    /// <returns><c>placeholder - U+E000</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="placeholder"/> is not a placeholder.</exception>
    public static int IndexOf(char placeholder)
    {
        if (!IsPlaceholder(placeholder))
        {
            throw new ArgumentOutOfRangeException(nameof(placeholder), $"U+{(int)placeholder:X4} is not an inline-tag placeholder (U+E000..U+F8FF).");
        }

        return placeholder - First;
    }

    /// <summary>The text without its placeholders: what a reader sees once the formatting is gone.</summary>
    /// <param name="text">Segment text.</param>
    /// <returns><paramref name="text"/> itself when it holds no placeholder, else a copy without them.</returns>
    public static string Remove(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = text.AsSpan().IndexOfAnyInRange(First, Last);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length - Count(text), text, static (destination, source) =>
        {
            int written = 0;
            foreach (char c in source)
            {
                if (!IsPlaceholder(c))
                {
                    destination[written++] = c;
                }
            }
        });
    }

    /// <summary>How many placeholders <paramref name="text"/> holds.</summary>
    /// <param name="text">Segment text.</param>
    /// <returns>The number of characters in U+E000..U+F8FF.</returns>
    public static int Count(ReadOnlySpan<char> text)
    {
        int count = 0;
        int next;
        while ((next = text.IndexOfAnyInRange(First, Last)) >= 0)
        {
            count++;
            text = text[(next + 1)..];
        }

        return count;
    }
}
