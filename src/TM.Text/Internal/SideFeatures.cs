namespace TM.Text.Internal;

/// <summary>What the dynamic programme needs of one side: sentence lengths and sorted anchor ids per sentence.</summary>
internal sealed class SideFeatures
{
    public SideFeatures(int[] lengths, int[][] anchors, bool[] telling, int[] contentWords, bool[] oneSided)
    {
        Lengths = lengths;
        Anchors = anchors;
        Telling = telling;
        ContentWords = contentWords;
        OneSided = oneSided;
        Prefix = new int[lengths.Length + 1];
        for (var i = 0; i < lengths.Length; i++)
        {
            Prefix[i + 1] = Prefix[i] + lengths[i];
        }
    }

    public int Count => Lengths.Length;

    public int[] Lengths { get; }

    /// <summary>Lengths summed: Prefix[i] is the length of sentences 0..i-1.</summary>
    public int[] Prefix { get; }

    /// <summary>Anchor ids of each sentence, sorted ascending, repeated once per occurrence.</summary>
    public int[][] Anchors { get; }

    /// <summary>
    /// Whether each sentence has an anchor whose absence from a translation is evidence (a number, name or glossary word,
    /// not only learned words): a merged sentence is charged for sharing nothing only then.
    /// </summary>
    public bool[] Telling { get; }

    /// <summary>Content words of each sentence (<see cref="KoreanStemmer"/> stems, <see cref="EnglishWords"/> words):
    /// a sentence with several has something to say that a translation would carry.</summary>
    public int[] ContentWords { get; }

    /// <summary>Whether each sentence reads as one that journals print on one side only (<see cref="OneSidedSentence"/>).</summary>
    public bool[] OneSided { get; }

    public int LengthOf(int start, int count) => Prefix[start + count] - Prefix[start];
}
