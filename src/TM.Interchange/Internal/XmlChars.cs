namespace TM.Interchange.Internal;

/// <summary>Which characters XML 1.0 can carry at all, escaped or not.</summary>
internal static class XmlChars
{
    /// <summary>
    /// The index of the first character XML 1.0 cannot represent (a C0 control other than tab, line feed and
    /// carriage return; U+FFFE; U+FFFF; a lone surrogate), or -1.
    /// </summary>
    public static int IndexOfInvalid(ReadOnlySpan<char> text)
    {
        int offset = 0;
        while (true)
        {
            // Nearly all text is U+0020..U+D7FF: one vectorised scan skips it.
            int next = text[offset..].IndexOfAnyExceptInRange('\u0020', '\uD7FF');
            if (next < 0)
            {
                return -1;
            }

            int i = offset + next;
            char c = text[i];
            if (c is '\t' or '\n' or '\r' || (c >= '\uE000' && c <= '\uFFFD'))
            {
                offset = i + 1;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                offset = i + 2;
            }
            else
            {
                return i;
            }

            if (offset >= text.Length)
            {
                return -1;
            }
        }
    }
}
