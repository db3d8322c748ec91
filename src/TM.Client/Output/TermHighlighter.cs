using System.Text;
using Spectre.Console;

namespace TM.Client.Output;

/// <summary>Marks every occurrence of a concordance term in a sentence, as Spectre markup.</summary>
internal static class TermHighlighter
{
    /// <summary>
    /// <paramref name="text"/> as escaped markup with each occurrence of <paramref name="term"/> (case-insensitive
    /// for Latin letters, as the server searches) in bold yellow when <paramref name="ansi"/> is set; without
    /// colours the text is left as it is, since the term is already on the command line.
    /// </summary>
    public static string ToMarkup(string text, string term, bool ansi)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(term);
        var trimmed = term.Trim();
        if (!ansi || trimmed.Length == 0)
        {
            return Markup.Escape(text);
        }

        var markup = new StringBuilder(text.Length + 32);
        var position = 0;
        while (position < text.Length)
        {
            var found = text.IndexOf(trimmed, position, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                break;
            }

            markup.Append(Markup.Escape(text[position..found]));
            markup.Append("[bold yellow]").Append(Markup.Escape(text.Substring(found, trimmed.Length))).Append("[/]");
            position = found + trimmed.Length;
        }

        markup.Append(Markup.Escape(text[position..]));
        return markup.ToString();
    }
}
