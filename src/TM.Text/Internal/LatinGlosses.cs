namespace TM.Text.Internal;

/// <summary>
/// Latin-script words inside Korean sentences — glosses and names an author keeps in the original
/// (메러디스 빅토리(SS Meredith Victory), 미 해군 역사유산사령부(NHHC), 맥아더(Douglas MacArthur)) — and the same words in
/// English sentences. A word spelled identically in both texts is a near-certain anchor (cognates in the sense of
/// Simard, Foster and Isabelle, 1992), and unlike a dictionary it needs no knowledge of the subject.
/// </summary>
internal static class LatinGlosses
{
    /// <summary>Words of at least this many letters count; shorter ones ("a", "of") say nothing.</summary>
    public const int MinimumLength = 2;

    /// <summary>Adds the lower-cased Latin words of <paramref name="sentence"/> to <paramref name="words"/>.</summary>
    public static void Collect(string sentence, List<string> words)
    {
        for (var i = 0; i < sentence.Length;)
        {
            if (!Chars.IsLatinLetter(sentence[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < sentence.Length && Chars.IsLatinLetter(sentence[i]))
            {
                i++;
            }

            if (i - start >= MinimumLength)
            {
                words.Add(sentence[start..i].ToLowerInvariant());
            }
        }
    }
}
