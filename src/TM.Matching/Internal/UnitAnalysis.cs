using System.Buffers;
using TM.Analysis;

namespace TM.Matching.Internal;

/// <summary>Text → (normalized-text fingerprint, unit ids): the one way the index and the scorer read a text.</summary>
internal static class UnitAnalysis
{
    // Normalizes text, fingerprints it and writes its unit ids into units (replaced by a larger array when
    // needed). addNewTerms interns unknown terms (indexing) or maps them to UnknownId (querying).
    // Returns the number of units.
    public static int Analyze(ReadOnlySpan<char> text, TermDictionary terms, bool addNewTerms, ref int[] units, out ulong fingerprint)
    {
        char[] normalized = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length * TextNormalizer.MaxExpansion));
        try
        {
            int length = TextNormalizer.Normalize(text, normalized);
            fingerprint = TextFingerprint.Compute(normalized.AsSpan(0, length));
            return AnalyzeNormalized(new ReadOnlyMemory<char>(normalized, 0, length), terms, addNewTerms, ref units);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(normalized);
        }
    }

    public static int AnalyzeNormalized(ReadOnlyMemory<char> normalized, TermDictionary terms, bool addNewTerms, ref int[] units)
    {
        var collector = new UnitCollector(terms, addNewTerms, units);
        MatchAnalyzer.AnalyzeNormalized(normalized, ref collector);
        units = collector.Units;
        return collector.Count;
    }

    private struct UnitCollector(TermDictionary terms, bool addNewTerms, int[] units) : IUnitConsumer
    {
        public int[] Units = units;
        public int Count;

        public void Add(ReadOnlySpan<char> term, TokenKind kind)
        {
            if (Count == Units.Length)
            {
                Array.Resize(ref Units, Math.Max(16, Units.Length * 2));
            }

            Units[Count++] = addNewTerms ? terms.GetOrAdd(term) : terms.GetId(term);
        }
    }
}
