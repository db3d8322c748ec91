using Spectre.Console;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Terms;

/// <summary>
/// The termbase's view of a pretranslated document, for <c>tm analyze</c> and <c>tm pretranslate</c>: which entries its
/// sentences use and how often, forbidden variants written in the document, and forbidden variants in the matches'
/// translations a translator would take over.
/// </summary>
internal sealed class DocumentTerms
{
    // How many forbidden variants are listed one by one; a memory full of them is summed up after that.
    private const int MaxListed = 20;

    private readonly Dictionary<long, (string Form, string Translation, int Count)> _entries = [];
    private readonly List<string> _forbidden = [];
    private int _forbiddenCount;

    /// <summary>Counts one sentence's terms and the forbidden variants of its match.</summary>
    public void Add(PretranslatedSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (sentence.Band == AnalysisBand.Repetition)
        {
            return; // counted at its first occurrence, as the report counts it
        }

        foreach (var hit in sentence.Terms)
        {
            if (hit.Forbidden)
            {
                Forbid($"sentence {sentence.Index + 1}: {TermHits.Line(sentence.Source, [hit])["Terms: ".Length..]}");
                continue;
            }

            var known = _entries.GetValueOrDefault(hit.EntryId, (Form: hit.Form, Translation: hit.Translation, Count: 0));
            _entries[hit.EntryId] = known with { Count = known.Count + 1 };
        }

        if (sentence.Match is { ForbiddenTerms.Count: > 0 } match)
        {
            Forbid($"sentence {sentence.Index + 1}, in the match's translation: {TermHits.Forbidden(match.Target, match.ForbiddenTerms)["Forbidden: ".Length..]}");
        }
    }

    /// <summary>Prints the terms used (most used first) and the forbidden variants; nothing when the document has none.</summary>
    public void Write(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_entries.Count > 0)
        {
            var used = _entries.Values.OrderByDescending(e => e.Count).ThenBy(e => e.Form, StringComparer.Ordinal)
                .Select(e => $"{e.Form} → {(e.Translation.Length > 0 ? e.Translation : "?")} ({e.Count})");
            context.WriteLine(Markup.Escape($"Terms: {string.Join("; ", used)}"));
        }

        foreach (var line in _forbidden)
        {
            context.WriteLine("[red]Forbidden:[/] " + Markup.Escape(line));
        }

        if (_forbiddenCount > _forbidden.Count)
        {
            context.WriteLine(Markup.Escape($"… and {_forbiddenCount - _forbidden.Count} more sentences with forbidden variants."));
        }
    }

    private void Forbid(string line)
    {
        _forbiddenCount++;
        if (_forbidden.Count < MaxListed)
        {
            _forbidden.Add(line);
        }
    }
}
