using System.Buffers;
using TM.Analysis;

namespace TM.Matching.Internal;

/// <summary>Text → (normalized-text fingerprint, unit ids): the one way the index and the scorer read a text.</summary>
internal static class UnitAnalysis
{
    // Normalizes text, fingerprints it and writes its unit ids into units from index start on (units is replaced
    // by a larger array when needed, keeping what is before start). addNewTerms interns unknown terms (indexing)
    // or maps them to UnknownId (querying). charIds, when given, memoizes the ids of one-character terms (see
    // SingleCharTermIds). Returns the number of units.
    public static int Analyze(
        ReadOnlySpan<char> text, TermDictionary terms, SingleCharTermIds? charIds, bool addNewTerms, ref int[] units, int start, out ulong fingerprint)
    {
        char[] normalized = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length * TextNormalizer.MaxExpansion));
        try
        {
            int length = TextNormalizer.Normalize(text, normalized);
            fingerprint = TextFingerprint.Compute(normalized.AsSpan(0, length));
            var collector = new UnitCollector(terms, charIds, addNewTerms, units, start);
            MatchAnalyzer.AnalyzeNormalized(new ReadOnlyMemory<char>(normalized, 0, length), ref collector);
            units = collector.Units;
            return collector.Count - start;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(normalized);
        }
    }

    // A query: its unit ids (UnknownId for a term no segment has) and each unit's family, which a term no segment has
    // in this form may still have (see TermDictionary.FindFamily). families is replaced by a larger array when needed.
    public static int AnalyzeQuery(
        ReadOnlySpan<char> text, TermDictionary terms, SingleCharTermIds charIds, ref int[] units, ref int[] families, out ulong fingerprint)
    {
        int count = Analyze(text, terms, charIds, addNewTerms: false, ref units, 0, out fingerprint);
        if (families.Length < count)
        {
            families = new int[units.Length];
        }

        ReadOnlySpan<int> known = terms.Families;
        for (int i = 0; i < count; i++)
        {
            int id = units[i];
            families[i] = (uint)id < (uint)known.Length ? known[id] : TermDictionary.UnknownId;
        }

        if (families.AsSpan(0, count).Contains(TermDictionary.UnknownId))
        {
            // Rare (a word the memory only has in other forms, or no segment has at all): analyze again to see the text
            // of the unknown units. Known units keep the family read above.
            var collector = new FamilyCollector(terms, families);
            char[] normalized = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length * TextNormalizer.MaxExpansion));
            try
            {
                int length = TextNormalizer.Normalize(text, normalized);
                MatchAnalyzer.AnalyzeNormalized(new ReadOnlyMemory<char>(normalized, 0, length), ref collector);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(normalized);
            }
        }

        return count;
    }

    public static int AnalyzeNormalized(ReadOnlyMemory<char> normalized, TermDictionary terms, bool addNewTerms, ref int[] units)
    {
        var collector = new UnitCollector(terms, null, addNewTerms, units, 0);
        MatchAnalyzer.AnalyzeNormalized(normalized, ref collector);
        units = collector.Units;
        return collector.Count;
    }

    private struct UnitCollector(TermDictionary terms, SingleCharTermIds? charIds, bool addNewTerms, int[] units, int start) : IUnitConsumer
    {
        public int[] Units = units;
        public int Count = start;

        public void Add(ReadOnlySpan<char> term, TokenKind kind)
        {
            if (Count == Units.Length)
            {
                Array.Resize(ref Units, Math.Max(16, Units.Length * 2));
            }

            Units[Count++] = charIds is not null && term.Length == 1
                ? charIds.GetId(term[0], terms, addNewTerms)
                : addNewTerms ? terms.GetOrAdd(term) : terms.GetId(term);
        }
    }

    private struct FamilyCollector(TermDictionary terms, int[] families) : IUnitConsumer
    {
        private int _index;

        public void Add(ReadOnlySpan<char> term, TokenKind kind)
        {
            if (families[_index] == TermDictionary.UnknownId)
            {
                families[_index] = terms.FindFamily(term);
            }

            _index++;
        }
    }
}
