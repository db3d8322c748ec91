using System.Text;
using TM.Analysis;
using static TM.Analysis.Tests.TokenStreamAssert;

namespace TM.Analysis.Tests;

/// <summary>
/// Lucene BaseTokenStreamTestCase style: random text over the characters this project meets (and some it
/// should survive), checked for the invariants every chain must keep. Seeded, so a failure reproduces.
/// </summary>
public class RandomTextInvariantTests
{
    private const int Iterations = 400;

    // Hangul, conjoining jamo, Latin with accents and combining marks, digits of several scripts and widths,
    // Han with a surrogate pair, symbols, every quote and dash the normalizer folds, separators, invisible
    // characters, a lone surrogate.
    private static readonly string[] Pieces =
    [
        "전", "쟁", "을", "마오쩌둥은", "\u1112\u1161\u11AB", "\u1100", "\u1161", "\u11A8", "ㅋ",
        "War", "the", "Il-sung", "People's", "Kim’s", "e\u0301", "\u0306", "Ŏ", "ﬁ",
        "0", "7", "170,000", "3.5", "1,2", "１７", "٣", ",", ".", ",000",
        "韓", "國", "𠀀", "か", "%", "₩", "+", "①",
        "‘", "’", "“", "”", "«", "»", "「", "」", "—", "–", "-", "'", "…", "・",
        " ", "  ", "\t", "\n", "\u3000", "\u00A0", "\u200B", "\uFEFF", "\u00AD", "\uD800", "\uDC00", "\0",
    ];

    [Fact]
    public void Tokenizer_offsets_lie_inside_the_input_and_terms_are_slices_of_it()
    {
        var random = new Random(20240601);
        using var tokenizer = new ScriptTokenizer();
        for (int i = 0; i < Iterations; i++)
        {
            string text = RandomText(random);
            tokenizer.SetInput(text.AsMemory());
            foreach (var token in Consume(tokenizer, text.Length))
            {
                Assert.Equal(text[token.Start..token.End], token.Term);
            }
        }
    }

    [Fact]
    public void Analysis_chain_never_emits_empty_tokens_or_punctuation_and_keeps_offsets_inside_the_input()
    {
        var random = new Random(7);
        for (int i = 0; i < Iterations; i++)
        {
            string normalized = TextNormalizer.Normalize(RandomText(random));
            using TokenStream stream = MatchAnalyzer.CreateTokenStream(normalized.AsMemory());
            foreach (var token in Consume(stream, normalized.Length))
            {
                Assert.NotEqual(TokenKind.Punctuation, token.Kind);
                Assert.True(token.Kind != TokenKind.Hangul || token.Term.Length == 1, $"Hangul unit '{token.Term}' is not one syllable");
                Assert.True(token.Kind != TokenKind.Word || token.Term == token.Term.ToLowerInvariant(), $"word '{token.Term}' is not lower case");
                Assert.True(token.Kind != TokenKind.Number || token.Term.All(c => char.IsAsciiDigit(c) || c == '.'), $"number '{token.Term}' is not normalized");
            }
        }
    }

    [Fact]
    public void The_same_text_always_gives_the_same_units()
    {
        var random = new Random(11);
        var terms = new TermDictionary();
        for (int i = 0; i < Iterations; i++)
        {
            string text = RandomText(random);
            int[] first = MatchAnalyzer.GetUnitIds(text, terms, addNewTerms: true);
            string unrelated = RandomText(random);
            MatchAnalyzer.GetUnitIds(unrelated, terms, addNewTerms: true);
            Assert.Equal(first, MatchAnalyzer.GetUnitIds(text, terms, addNewTerms: false));
            Assert.Equal(first, MatchAnalyzer.GetUnitIds(TextNormalizer.Normalize(text), terms, addNewTerms: false));
        }
    }

    [Fact]
    public void Normalization_is_idempotent_and_never_exceeds_its_bound()
    {
        var random = new Random(3);
        for (int i = 0; i < Iterations * 2; i++)
        {
            string text = RandomText(random);
            string once = TextNormalizer.Normalize(text);
            Assert.Equal(once, TextNormalizer.Normalize(once));
            Assert.InRange(once.Length, 0, text.Length * TextNormalizer.MaxExpansion);
            Assert.False(once.StartsWith(' ') || once.EndsWith(' ') || once.Contains("  "), $"whitespace left in '{once}'");
        }
    }

    [Fact]
    public void Units_ignore_whitespace_quote_and_width_variants()
    {
        var random = new Random(5);
        for (int i = 0; i < Iterations; i++)
        {
            string text = RandomText(random);
            string variant = text.Replace(" ", "\u3000 \t").Replace('\'', '’').Replace("\"", "“").Replace("7", "７");
            Assert.Equal(Units(text), Units(variant));
        }
    }

    private static string RandomText(Random random)
    {
        var builder = new StringBuilder();
        int pieces = random.Next(0, 25);
        for (int i = 0; i < pieces; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }
}
