using TM.Interchange;

namespace TM.Server.Interchange;

/// <summary>
/// One stored side of a pair as it goes out to a client: plain text for people (inline tags left out, a literal
/// private-use character kept) and TMX inline XML for CAT tools (every tag back in place).
/// </summary>
internal static class SideRendering
{
    /// <param name="text">The stored text, with a placeholder per tag.</param>
    /// <param name="markup">Its tags as stored (<see cref="InlineMarkupJson"/>); empty for none.</param>
    public static (string Plain, string Tmx) Render(string text, string markup)
    {
        if (markup.Length == 0)
            return (text, EscapeOrEmpty(text));
        var tags = InlineMarkupJson.Decode(markup);
        return (TmxInline.ToPlainText(text, tags), TmxInline.ToXml(text, tags));
    }

    /// <summary>Only the plain text of <see cref="Render"/>: what the search index holds, so that hit offsets point into the text a client receives.</summary>
    public static string PlainText(string text, string markup) =>
        markup.Length == 0 ? text : TmxInline.ToPlainText(text, InlineMarkupJson.Decode(markup));

    // A pair imported from TSV or ImportSegments may hold a control character, which XML cannot carry: the plain text
    // still goes out, the XML form is left empty rather than failing the whole answer.
    private static string EscapeOrEmpty(string text)
    {
        try
        {
            return TmxInline.Escape(text);
        }
        catch (ArgumentException)
        {
            return "";
        }
    }
}
