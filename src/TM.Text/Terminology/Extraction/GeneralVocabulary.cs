namespace TM.Text.Terminology.Extraction;

/// <summary>
/// Tells everyday vocabulary from terms: a one-word Korean candidate that the general glossary (<see cref="GlossaryLexicon"/>,
/// the project's list of the common words of political and military history: 포로, 회담, 철수, 본고) lists as a word of its
/// own, with an English that is not a name of several words (포로 ↔ "prisoners", 본고 ↔ "article argues", 대통령 ↔
/// "President", 작전 ↔ the "Operation" of "Operation Killer"). The same words inside a longer Korean candidate (포로 송환 ↔
/// "repatriation of prisoners", 포로수용소) or with a name of several words in English (국회 ↔ "National Assembly") are terms.
/// </summary>
internal static class GeneralVocabulary
{
    public static bool Contains(string korean, string english, bool englishIsName) =>
        !(englishIsName && english.Contains(' ')) && GlossaryLexicon.Instance.ListsKoreanWord(korean);
}
