using System.Text;

namespace TM.Text.Adaptation;

/// <summary>
/// Carries the numbers and dates of a query into the target of a fuzzy match whose source differs from the query in
/// them: for the query <c>1951년 6월 …</c> and the match <c>1951년 5월 …</c> → "… in May 1951.", the target becomes
/// "… in June 1951.". Only certain replacements are made; every other difference is reported as unplaced.
/// </summary>
/// <remarks>
/// <para>The numbers of the query and of the match source (one language) are paired kind by kind, in order of
/// position, when both have as many of that kind; otherwise nothing of that kind is paired, and a query number whose
/// value the source does not have is unplaced. The month of a compound date (7월 26일, 26 July) is not paired on its
/// own: its date carries it, so a changed day rewrites the date and a changed month rewrites it too.</para>
/// <para>A pair with different values is placed only when its source value (by <see cref="NumberAnchor.MatchKey"/>)
/// occurs once in the source, exactly one mention of the target (the other language) has that key, a month of the
/// source maps to a month of the target that is not inside a date, and the new value can be written in the form of
/// the target's mention.</para>
/// <para>The replacement keeps the target's form: an English month name or its abbreviation ("Oct.") or a Korean N월;
/// the order of a date ("26 July", "July 26th", 7월 26일); the prefix and suffix of digits (제5차, 38선, 1951년, 1950s,
/// "5th" with the suffix of the new number); the target's kind (an ordinal of the source can be the cardinal
/// "Paragraph 60"); English words from "one"/"first" to "twelve"/"twelfth", digits beyond; comma groups unless the
/// target wrote four or more digits without them; English scale words ("700 million") while the value is a whole
/// number of them to three decimals. A Korean number written with units (17만, 2만 7천, 7억) keeps them when the new
/// value is a whole number of thousands (18만, 2만 5천) and becomes digits otherwise (14,500): a mixed form such as
/// 2만 7,500 reads back as one number now, but exact counts in the seeds' journals are written in digits. Native Korean numbers before a counter (다섯 명) stay words from 한 to
/// 열두 and are unplaced beyond; Korean ordinal words stay words to 다섯 번째, then digits (6번째); day counts (나흘)
/// stay words or become N일.</para>
/// </remarks>
public static class TargetAdapter
{
    private static readonly NumberAnchorKind[] PairedKinds =
    [
        NumberAnchorKind.Cardinal, NumberAnchorKind.Ordinal, NumberAnchorKind.Year, NumberAnchorKind.Month, NumberAnchorKind.Date,
    ];

    /// <summary>Adapts the target of a fuzzy match to the numbers of the query.</summary>
    /// <param name="query">The sentence looked up.</param>
    /// <param name="matchSource">The source sentence of the match, in the query's language.</param>
    /// <param name="matchTarget">The translation of <paramref name="matchSource"/>, in the other language.</param>
    /// <param name="sourceLanguage">The language of the query and the match source.</param>
    /// <returns>The adapted target, the replacements made and the query numbers that could not be carried over.</returns>
    public static AdaptationResult Adapt(string query, string matchSource, string matchTarget, Language sourceLanguage)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(matchSource);
        ArgumentNullException.ThrowIfNull(matchTarget);

        var queryMentions = Pairable(NumberAnchorExtractor.ExtractMentions(query, sourceLanguage));
        if (queryMentions.Count == 0)
        {
            return new AdaptationResult(matchTarget, [], []);
        }

        var targetLanguage = sourceLanguage == Language.Korean ? Language.English : Language.Korean;
        var source = new Side(matchSource, NumberAnchorExtractor.ExtractMentions(matchSource, sourceLanguage));
        var sourceMentions = Pairable(source.Mentions);

        // Most matches agree with the query in their numbers; the target is read only once a pair differs.
        Side? target = null;

        var placed = new List<(TargetReplacement Replacement, NumberMention Query)>();
        var unplaced = new List<NumberMention>();
        var queryOfKind = new List<NumberMention>();
        var sourceOfKind = new List<NumberMention>();
        foreach (var kind in PairedKinds)
        {
            OfKind(queryMentions, kind, queryOfKind);
            OfKind(sourceMentions, kind, sourceOfKind);
            if (queryOfKind.Count != sourceOfKind.Count)
            {
                // The sentences differ in how many numbers of this kind they have: which one corresponds to which is
                // a guess. A query number the source has anyway is no difference; any other is unplaced.
                foreach (var mention in queryOfKind)
                {
                    if (source.Count(mention.Anchor.MatchKey) == 0)
                    {
                        unplaced.Add(mention);
                    }
                }

                continue;
            }

            for (var i = 0; i < queryOfKind.Count; i++)
            {
                var (queryMention, sourceMention) = (queryOfKind[i], sourceOfKind[i]);
                if (queryMention.Anchor.Value == sourceMention.Anchor.Value)
                {
                    continue;
                }

                target ??= new Side(matchTarget, NumberAnchorExtractor.ExtractMentions(matchTarget, targetLanguage));
                if (TryPlace(queryMention, sourceMention, source, target, targetLanguage, out var replacement))
                {
                    placed.Add((replacement, queryMention));
                }
                else
                {
                    unplaced.Add(queryMention);
                }
            }
        }

        DropOverlaps(placed, unplaced);
        unplaced.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var replacements = new TargetReplacement[placed.Count];
        for (var i = 0; i < replacements.Length; i++)
        {
            replacements[i] = placed[i].Replacement;
        }

        return new AdaptationResult(Apply(matchTarget, replacements), replacements, unplaced);
    }

    private static bool TryPlace(
        NumberMention queryMention, NumberMention sourceMention, Side source, Side target, Language targetLanguage,
        out TargetReplacement replacement)
    {
        replacement = default;
        var key = sourceMention.Anchor.MatchKey;
        if (source.Count(key) != 1 || !target.TryFindSingle(key, out var targetMention))
        {
            return false;
        }

        // A month alone in the source must be a month alone in the target: "July" inside "26 July" belongs to a date
        // the source does not have, and changing only its month would move that date.
        if (sourceMention.Anchor.Kind == NumberAnchorKind.Month && IsInDate(targetMention, target.Mentions))
        {
            return false;
        }

        if (!NumberRenderer.TryRender(target.Text, targetMention, queryMention.Anchor.Value, targetLanguage, out var text))
        {
            return false;
        }

        replacement = new TargetReplacement(
            targetMention.Anchor.Kind,
            sourceMention.Anchor.Value,
            queryMention.Anchor.Value,
            targetMention.Start,
            targetMention.Length,
            target.Text.Substring(targetMention.Start, targetMention.Length),
            text);
        return true;
    }

    // The mentions that take part in pairing, by position: all but the month of a compound date, which its date carries.
    private static List<NumberMention> Pairable(IReadOnlyList<NumberMention> mentions)
    {
        var pairable = new List<NumberMention>(mentions.Count);
        foreach (var mention in mentions)
        {
            if (mention.Anchor.Kind != NumberAnchorKind.Month || !IsInDate(mention, mentions))
            {
                pairable.Add(mention);
            }
        }

        // Korean number words come after the digits in extraction order; pairing needs the order of the sentence.
        // An insertion sort keeps mentions that start together in extraction order, and the lists are short.
        for (var i = 1; i < pairable.Count; i++)
        {
            var mention = pairable[i];
            var j = i - 1;
            for (; j >= 0 && pairable[j].Start > mention.Start; j--)
            {
                pairable[j + 1] = pairable[j];
            }

            pairable[j + 1] = mention;
        }

        return pairable;
    }

    private static void OfKind(List<NumberMention> mentions, NumberAnchorKind kind, List<NumberMention> output)
    {
        output.Clear();
        foreach (var mention in mentions)
        {
            if (mention.Anchor.Kind == kind)
            {
                output.Add(mention);
            }
        }
    }

    private static bool IsInDate(NumberMention month, IReadOnlyList<NumberMention> mentions)
    {
        foreach (var mention in mentions)
        {
            if (mention.Anchor.Kind == NumberAnchorKind.Date && month.IsWithin(mention))
            {
                return true;
            }
        }

        return false;
    }

    // Two replacements over the same text cannot both be right; neither is made. Pairing by MatchKey prevents this
    // for the mentions the extractor yields today, so this only guards against overlapping mentions it may add.
    private static void DropOverlaps(List<(TargetReplacement Replacement, NumberMention Query)> placed, List<NumberMention> unplaced)
    {
        placed.Sort(static (a, b) => a.Replacement.Start.CompareTo(b.Replacement.Start));
        var overlapping = new bool[placed.Count];
        for (var i = 1; i < placed.Count; i++)
        {
            var previous = placed[i - 1].Replacement;
            if (previous.Start + previous.Length > placed[i].Replacement.Start)
            {
                overlapping[i - 1] = overlapping[i] = true;
            }
        }

        for (var i = placed.Count - 1; i >= 0; i--)
        {
            if (overlapping[i])
            {
                unplaced.Add(placed[i].Query);
                placed.RemoveAt(i);
            }
        }
    }

    private static string Apply(string target, TargetReplacement[] replacements)
    {
        if (replacements.Length == 0)
        {
            return target;
        }

        var builder = new StringBuilder(target.Length + 16);
        var position = 0;
        foreach (var replacement in replacements)
        {
            builder.Append(target, position, replacement.Start - position).Append(replacement.ReplacementText);
            position = replacement.Start + replacement.Length;
        }

        return builder.Append(target, position, target.Length - position).ToString();
    }

    /// <summary>A sentence of the match with its mentions and their match keys, computed once.</summary>
    private sealed class Side
    {
        private readonly string[] keys;

        public Side(string text, IReadOnlyList<NumberMention> mentions)
        {
            Text = text;
            Mentions = mentions;
            keys = new string[mentions.Count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = mentions[i].Anchor.MatchKey;
            }
        }

        public string Text { get; }

        public IReadOnlyList<NumberMention> Mentions { get; }

        public int Count(string key)
        {
            var count = 0;
            foreach (var candidate in keys)
            {
                if (candidate == key)
                {
                    count++;
                }
            }

            return count;
        }

        public bool TryFindSingle(string key, out NumberMention mention)
        {
            mention = default;
            var found = -1;
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i] != key)
                {
                    continue;
                }

                if (found >= 0)
                {
                    return false;
                }

                found = i;
            }

            if (found < 0)
            {
                return false;
            }

            mention = Mentions[found];
            return true;
        }
    }
}
