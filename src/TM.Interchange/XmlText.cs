using System.Xml;

namespace TM.Interchange;

/// <summary>
/// Which characters XML 1.0 can carry. Everything the server stores must be exportable as TMX, so text with any other
/// character (a C0 control other than tab, LF and CR; U+FFFE or U+FFFF; half of a surrogate pair) is refused at the
/// door: stored, it would make every later export of the memory fail, and no call could take it out again.
/// </summary>
public static class XmlText
{
    /// <summary>The index of the first character XML 1.0 cannot carry, or -1 when there is none.</summary>
    public static int IndexOfInvalid(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
                continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /// <summary>How a refused character is named in messages: its code point, e.g. "U+0001".</summary>
    public static string Describe(char c) => $"U+{(int)c:X4}";
}
