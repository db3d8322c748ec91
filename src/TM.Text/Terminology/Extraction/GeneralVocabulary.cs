namespace TM.Text.Terminology;

/// <summary>
/// Tells everyday vocabulary from terms: a one-word Korean candidate that the general glossary (<see cref="GlossaryLexicon"/>,
/// the project's list of the common words of political and military history: 포로, 회담, 철수, 본고) lists as a word of its
/// own, proposed with a one-word English candidate (포로 ↔ "prisoners", 본고 ↔ "article"). The same words inside a longer
/// candidate are a term (포로 송환 ↔ "repatriation of prisoners", 포로수용소, 국회 ↔ "National Assembly").
/// </summary>
internal static class GeneralVocabulary
{
    public static bool Contains(string korean, string english) =>
        !english.Contains(' ') && GlossaryLexicon.Instance.ListsKoreanWord(korean);
}
