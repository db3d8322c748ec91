using TM.Protos.V1;
using TM.Server.Terminology;
using TM.Storage;
using TM.Text;
using FoundTerm = TM.Text.Terminology.TermHit;

namespace TM.Server.Services;

/// <summary>
/// Term hits into the answers of Lookup, LookupBatch, Pretranslate and Concordance: the terms of a query (or of a
/// pretranslated sentence, or of a concordance hit's side) with their approved translations, and the forbidden
/// variants written in a stored translation.
/// </summary>
internal static class TermHitMessages
{
    /// <summary>Fills the query's terms and every match's forbidden variants of a Lookup answer.</summary>
    public static void AddTo(LookupResponse response, string query, SegmentSide side, Termbase termbase, string memory)
    {
        if (termbase.Count == 0)
            return;
        Add(response.QueryTerms, termbase.Find(query, LanguageOf(side)), side, termbase, memory);
        foreach (var match in response.Matches)
            AddForbidden(match, side, termbase, memory);
    }

    /// <summary>Fills a pretranslated sentence's terms and its match's forbidden variants.</summary>
    public static void AddTo(PretranslatedSentence sentence, SegmentSide side, Termbase termbase, string memory)
    {
        if (termbase.Count == 0)
            return;
        Add(sentence.Terms, termbase.Find(sentence.Source, LanguageOf(side)), side, termbase, memory);
        if (sentence.Match is { } match)
            AddForbidden(match, side, termbase, memory);
    }

    /// <summary>
    /// Fills a concordance hit's terms (in the side the term was found on), the forbidden variants of its other side, and
    /// where the term's translation is in that other side (<see cref="ConcordanceHit.TranslationSpans"/>). Call it once
    /// the hit's spans are set: they say which of the side's terms the searched term is.
    /// </summary>
    public static void AddTo(ConcordanceHit hit, Termbase termbase, string memory)
    {
        if (termbase.Count == 0)
            return;
        var side = hit.Lang == "en" ? SegmentSide.English : SegmentSide.Korean;
        var (source, target) = side == SegmentSide.Korean ? (hit.Ko, hit.En) : (hit.En, hit.Ko);
        var found = termbase.Find(source, LanguageOf(side));
        Add(hit.Terms, found, side, termbase, memory);
        var other = Other(side);
        Add(hit.ForbiddenTerms, termbase.FindForbidden(target, LanguageOf(other)), other, termbase, memory);
        AddTranslationSpans(hit, found, side == SegmentSide.Korean ? hit.KoSpans : hit.EnSpans, target, LanguageOf(other), termbase);
    }

    // The entries found where the term is (a term hit overlapping one of the term's spans) and, in the translation, their
    // forms that are not forbidden. The other side is read only when there is such an entry, so a page whose term no
    // entry knows costs no more than before.
    private static void AddTranslationSpans(ConcordanceHit hit, IReadOnlyList<FoundTerm> found, IList<Protos.V1.TextSpan> termSpans, string target, Language language, Termbase termbase)
    {
        HashSet<long>? entries = null;
        foreach (var term in found)
        {
            if (!term.Forbidden && termSpans.Any(span => span.Start < term.Start + term.Length && term.Start < span.Start + span.Length))
                (entries ??= []).Add(term.EntryId);
        }
        if (entries is null)
            return;
        foreach (var translated in termbase.Find(target, language))
        {
            if (!translated.Forbidden && entries.Contains(translated.EntryId))
                hit.TranslationSpans.Add(new Protos.V1.TextSpan { Start = translated.Start, Length = translated.Length });
        }
    }

    // A stored translation is in the other language; only what it must not say is reported there.
    private static void AddForbidden(Match match, SegmentSide querySide, Termbase termbase, string memory)
    {
        var side = Other(querySide);
        Add(match.ForbiddenTerms, termbase.FindForbidden(match.Target, LanguageOf(side)), side, termbase, memory);
    }

    private static void Add(ICollection<TermHit> into, IReadOnlyList<FoundTerm> hits, SegmentSide side, Termbase termbase, string memory)
    {
        foreach (var hit in hits)
        {
            var entry = termbase.Entry(hit);
            into.Add(new TermHit
            {
                Start = hit.Start,
                Length = hit.Length,
                Lang = side == SegmentSide.Korean ? "ko" : "en",
                EntryId = hit.EntryId,
                Form = hit.Form,
                Translation = side == SegmentSide.Korean ? entry.Content.English : entry.Content.Korean,
                Forbidden = hit.Forbidden,
                Entry = TermRequests.ToEntry(entry, memory),
            });
        }
    }

    private static SegmentSide Other(SegmentSide side) => side == SegmentSide.Korean ? SegmentSide.English : SegmentSide.Korean;

    private static Language LanguageOf(SegmentSide side) => side == SegmentSide.Korean ? Language.Korean : Language.English;
}
