using System.Text;
using FsCheck;
using FsCheck.Fluent;
using TM.Search;

namespace TM.Search.Tests;

/// <summary>
/// Random texts and terms over a tiny alphabet (so grams repeat and overlap) with letters in two cases, digits,
/// whitespace of several kinds, punctuation and a surrogate pair: the index must find exactly the texts that
/// contain the term, where letters (a supplementary-plane pair too) compare case-insensitively and any whitespace character equals any other,
/// and the spans must be exactly the term's non-overlapping occurrences.
/// </summary>
public class KoreanSubstringPropertyTests
{
    private static readonly string[] Alphabet = ["가", "나", "가", "A", "a", "b", "1", "9", " ", "\t", "\u3000", ".", "(", "休", "𠀀", "𐐀", "𐐨"];

    [Fact]
    public void Korean_side_finds_exactly_the_texts_containing_the_term()
    {
        Gen<string> piece = Gen.Elements(Alphabet);
        Gen<string> text = Gen.Choose(0, 24).SelectMany(n => piece.ArrayOf(n).Select(string.Concat));
        Gen<string> term = Gen.Choose(1, 6).SelectMany(n => piece.ArrayOf(n).Select(string.Concat));
        Gen<(string[] Texts, string[] Terms)> cases =
            from texts in Gen.Choose(1, 40).SelectMany(n => text.ArrayOf(n))
            from terms in Gen.Choose(1, 12).SelectMany(n => term.ArrayOf(n))
            select (texts, terms);

        using var index = new TestIndex();
        Prop.ForAll(cases.ToArbitrary(), c =>
            {
                index.Index.DeleteAll();
                index.Add(c.Texts.Select((t, i) => TestIndex.Segment(i + 1, t)).ToArray());
                foreach (string t in c.Terms.Where(t => t.Trim().Length > 0))
                {
                    string folded = Fold(t.Trim());
                    long[] expected = c.Texts.Select((x, i) => (Text: Fold(x), Id: i + 1L)).Where(x => x.Text.Contains(folded, StringComparison.Ordinal)).Select(x => x.Id).ToArray();
                    ConcordanceHits hits = index.Search(t, ConcordanceSides.Korean);
                    if (hits.Total != expected.Length || !hits.Ids.SequenceEqual(expected))
                    {
                        return false;
                    }
                }

                return true;
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    [Fact]
    public void Korean_spans_are_the_non_overlapping_occurrences_of_the_term()
    {
        Gen<string> piece = Gen.Elements(Alphabet);
        Gen<(string Text, string Term)> cases =
            from text in Gen.Choose(0, 30).SelectMany(n => piece.ArrayOf(n).Select(string.Concat))
            from term in Gen.Choose(1, 4).SelectMany(n => piece.ArrayOf(n).Select(string.Concat))
            select (text, term);
        Prop.ForAll(cases.ToArbitrary(), c =>
            {
                string term = Fold(c.Term.Trim());
                if (term.Length == 0)
                {
                    return true;
                }

                string text = Fold(c.Text);
                var expected = new List<TextSpan>();
                for (int at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + term.Length, StringComparison.Ordinal))
                {
                    expected.Add(new TextSpan(at, term.Length));
                }

                return expected.SequenceEqual(ConcordanceSpans.Find(c.Text, c.Term, ConcordanceSides.Korean, englishWordForms: false));
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    // The comparison the index promises: letters lower-cased (per code point: 𐐀 U+10400 is the capital of 𐐨), any
    // whitespace character as a space. The alphabet never splits a surrogate pair, so an ordinal search of folded
    // strings is a search of characters.
    private static string Fold(string s) =>
        string.Concat(s.EnumerateRunes().Select(r => Rune.IsWhiteSpace(r) ? " " : Rune.ToLowerInvariant(r).ToString()));
}
