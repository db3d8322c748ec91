namespace TM.Text;

/// <summary>What a <see cref="LanguageBlock"/> holds.</summary>
public enum BlockKind
{
    /// <summary>Running text (an abstract or a paragraph of it), split into sentences and aligned.</summary>
    Body,

    /// <summary>Keyword lines ("주제어: …", "Keywords: …"), each kept whole and paired with the other language's.</summary>
    Keywords,
}
