namespace TM.Text.Terminology.Extraction;

/// <summary>
/// What the linking pass knows of one (Korean phrase, English phrase) link: in how many pairs it was made, its lexical
/// weight, where its English first stood (pair index and span, to read its text without keeping a copy), and the ids of
/// the first two pairs it was made in.
/// </summary>
internal readonly record struct LinkTally(
    int Links, double Weight, int FirstPair, int SurfaceStart, int SurfaceLength, bool SentenceInitial, int LastPair, long FirstExample, long SecondExample)
{
    /// <summary>This tally with one more pair (the <paramref name="pair"/>-th, id <paramref name="id"/>); a second link in the same pair is not counted.</summary>
    public LinkTally Add(int pair, long id, double weight, int englishStart, int englishLength, bool sentenceInitial)
    {
        if (Links == 0)
        {
            return new LinkTally(1, weight, pair, englishStart, englishLength, sentenceInitial, pair, id, 0);
        }

        return pair == LastPair ? this : this with { Links = Links + 1, LastPair = pair, SecondExample = Links == 1 ? id : SecondExample };
    }

    /// <summary>The example pair ids, one or two.</summary>
    public IReadOnlyList<long> Examples() => Links >= 2 ? [FirstExample, SecondExample] : [FirstExample];
}
