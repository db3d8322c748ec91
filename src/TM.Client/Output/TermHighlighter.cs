using System.Text;
using Spectre.Console;
using TM.Protos.V1;

namespace TM.Client.Output;

/// <summary>Marks where the server found a concordance term in a sentence, as Spectre markup.</summary>
internal static class TermHighlighter
{
    /// <summary>How the term itself is marked.</summary>
    public const string TermStyle = "bold yellow";

    /// <summary>How the term's translation is marked in the other side.</summary>
    public const string TranslationStyle = "underline";

    /// <summary>
    /// <paramref name="text"/> as escaped markup with each of <paramref name="spans"/> (the hit's offsets, UTF-16 code
    /// units, as the server sends them) in <paramref name="style"/> when <paramref name="ansi"/> is set; without colours
    /// the text is left as it is (--json carries the offsets). Spans out of order, overlapping or past the text are
    /// skipped: the sentence is shown whole whatever the server sent.
    /// </summary>
    public static string ToMarkup(string text, IEnumerable<TextSpan> spans, bool ansi, string style = TermStyle)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        if (!ansi)
        {
            return Markup.Escape(text);
        }

        var markup = new StringBuilder(text.Length + 32);
        var position = 0;
        foreach (var span in spans)
        {
            if (span.Start < position || span.Length <= 0 || span.Start > text.Length - span.Length)
            {
                continue;
            }

            markup.Append(Markup.Escape(text[position..span.Start]));
            markup.Append('[').Append(style).Append(']').Append(Markup.Escape(text.Substring(span.Start, span.Length))).Append("[/]");
            position = span.Start + span.Length;
        }

        markup.Append(Markup.Escape(text[position..]));
        return markup.ToString();
    }
}
