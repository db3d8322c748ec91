namespace TM.Text.Internal;

/// <summary>
/// Recognises keyword lines ("주제어: 한국전쟁, 스탈린", "Key words: Korean War, Stalin"). They are not sentences,
/// so they are kept whole in a block of their own and aligned to the other language's keyword line.
/// </summary>
internal static class KeywordLabel
{
    private static readonly (string Label, Language Language)[] Labels =
    [
        ("주제어", Language.Korean), ("핵심어", Language.Korean), ("주요어", Language.Korean),
        ("키워드", Language.Korean), ("검색어", Language.Korean), ("핵심 단어", Language.Korean),
        ("keywords", Language.English), ("key words", Language.English), ("keyword", Language.English),
        ("key word", Language.English), ("index terms", Language.English), ("subject terms", Language.English),
    ];

    /// <summary>
    /// True when the line starts with a keyword label followed by a colon. <paramref name="labelOnly"/> tells
    /// whether the keywords themselves are missing from the line (they are then on the next line).
    /// </summary>
    public static bool TryMatch(string line, out Language language, out bool labelOnly)
    {
        var text = line.AsSpan().Trim();
        foreach (var (label, labelLanguage) in Labels)
        {
            if (!text.StartsWith(label, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = text[label.Length..].TrimStart();
            if (rest.Length > 0 && rest[0] is ':' or '：')
            {
                language = labelLanguage;
                labelOnly = rest[1..].Trim().IsEmpty;
                return true;
            }
        }

        language = default;
        labelOnly = false;
        return false;
    }
}
