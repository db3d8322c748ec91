using System.Text;

namespace TM.Text.Internal;

/// <summary>Whitespace normalisation shared by the splitter and the evaluator.</summary>
internal static class Whitespace
{
    /// <summary>Trims and collapses every run of whitespace (including line breaks and no-break spaces) to one space.</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        var clean = true;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || (i > 0 && char.IsWhiteSpace(text[i - 1]))))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text.ToString();
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
