namespace TM.Server.Pretranslation;

/// <summary>The analysis report of a document, added up sentence by sentence: segments, words and characters per band.</summary>
public sealed class AnalysisTally
{
    private readonly int[] _segments = new int[Bands.Count];
    private readonly long[] _words = new long[Bands.Count];
    private readonly long[] _characters = new long[Bands.Count];

    /// <summary>Every band, in the order a report shows them: context down to no match, repetitions last.</summary>
    public static IReadOnlyList<ScoreBand> Bands { get; } =
    [
        ScoreBand.Context, ScoreBand.Exact, ScoreBand.Fuzzy95To99, ScoreBand.Fuzzy85To94, ScoreBand.Fuzzy75To84,
        ScoreBand.Fuzzy50To74, ScoreBand.NoMatch, ScoreBand.Repetition,
    ];

    /// <summary>Sentences counted.</summary>
    public int TotalSegments { get; private set; }

    /// <summary>Words counted.</summary>
    public long TotalWords { get; private set; }

    /// <summary>Characters counted.</summary>
    public long TotalCharacters { get; private set; }

    /// <summary>
    /// The band of a first occurrence by its best match: a context match, then by score after penalties (100; 95, 85,
    /// 75 and 50 and up); none, or under 50 (a request may offer lower matches), is no match.
    /// </summary>
    public static ScoreBand BandOf(double? score, bool inContext) => score switch
    {
        null => ScoreBand.NoMatch,
        >= 100 when inContext => ScoreBand.Context,
        >= 100 => ScoreBand.Exact,
        >= 95 => ScoreBand.Fuzzy95To99,
        >= 85 => ScoreBand.Fuzzy85To94,
        >= 75 => ScoreBand.Fuzzy75To84,
        >= 50 => ScoreBand.Fuzzy50To74,
        _ => ScoreBand.NoMatch,
    };

    /// <summary>Counts one sentence in its band.</summary>
    public void Add(PretranslatedSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var row = Row(sentence.Band);
        _segments[row]++;
        _words[row] += sentence.Words;
        _characters[row] += sentence.Characters;
        TotalSegments++;
        TotalWords += sentence.Words;
        TotalCharacters += sentence.Characters;
    }

    /// <summary>Sentences, words and characters in <paramref name="band"/>.</summary>
    public (int Segments, long Words, long Characters) Of(ScoreBand band)
    {
        var row = Row(band);
        return (_segments[row], _words[row], _characters[row]);
    }

    private static int Row(ScoreBand band)
    {
        for (var i = 0; i < Bands.Count; i++)
        {
            if (Bands[i] == band)
                return i;
        }
        throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown band.");
    }
}
