using TM.Text.Terminology;
using Xunit.Abstractions;

namespace TM.Text.Tests.Terminology;

public sealed class TermRecognizerTests(ITestOutputHelper output)
{
    private static readonly TermRecognitionTable Table = TermRecognitionTable.Read();
    private static readonly TermRecognizer Recognizer = new(Table.Entries);

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        foreach (var row in Table.Cases)
        {
            data.Add(row.Line, row.Text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Find_gives_the_hits_of_each_row_of_the_table(int line, string text)
    {
        var row = Table.Cases.Single(c => c.Line == line);

        var hits = Recognizer.Find(text, row.Language);

        Assert.Equal(row.Expected, TermRecognitionTable.Case.Format(hits));
    }

    [Fact]
    public void The_table_has_enough_cases_in_both_languages_and_all_pass()
    {
        var failures = Table.Cases
            .Select(c => (Case: c, Actual: TermRecognitionTable.Case.Format(Recognizer.Find(c.Text, c.Language))))
            .Where(r => r.Actual != r.Case.Expected)
            .ToList();
        foreach (var (row, actual) in failures)
        {
            output.WriteLine($"{row}: expected {row.Expected}, found {actual}");
        }

        Assert.True(Table.Cases.Count(c => c.Language == Language.Korean) >= 15, "fewer than 15 Korean cases");
        Assert.True(Table.Cases.Count(c => c.Language == Language.English) >= 15, "fewer than 15 English cases");
        Assert.True(Table.Cases.Count(c => c.Expected == "-") >= 6, "fewer than 6 cases without a hit");
        Assert.True(Table.Cases.Count(c => c.Expected.Contains('!', StringComparison.Ordinal)) >= 2, "fewer than 2 forbidden variants");
        Assert.Empty(failures);
    }

    [Fact]
    public void Recognizer_finds_term_with_particle_attached_and_reports_the_term_only()
    {
        var recognizer = new TermRecognizer([new TermForms(7, ["김일성"], ["Kim Il-sung"], [], [])]);

        var hit = Assert.Single(recognizer.Find("1948년 김일성은 정권을 수립하였다.", Language.Korean));

        Assert.Equal(new TermHit(6, 3, 7, "김일성", false), hit);
    }

    [Fact]
    public void Hits_carry_the_entry_of_the_form_and_the_first_listed_entry_wins_a_shared_form()
    {
        var recognizer = new TermRecognizer(
        [
            new TermForms(1, ["포로"], ["prisoner"], [], []),
            new TermForms(2, ["포로"], ["captive"], [], []),
        ]);

        Assert.Equal(1, Assert.Single(recognizer.Find("포로들은", Language.Korean)).EntryId);
        Assert.Equal(2, Assert.Single(recognizer.Find("captives", Language.English)).EntryId);
        Assert.Equal(2, recognizer.Count);
    }

    [Fact]
    public void An_approved_form_also_listed_as_forbidden_is_approved()
    {
        var recognizer = new TermRecognizer([new TermForms(1, [], ["Stalin"], [], ["Stalin", "Staline"])]);

        Assert.False(Assert.Single(recognizer.Find("Stalin", Language.English)).Forbidden);
        Assert.True(Assert.Single(recognizer.Find("Staline", Language.English)).Forbidden);
    }

    [Fact]
    public void One_sided_and_blank_forms_are_accepted()
    {
        var recognizer = new TermRecognizer([new TermForms(1, ["  정전협정 ", ""], [], [], ["   "])]);

        Assert.Equal("  정전협정 ", Assert.Single(recognizer.Find("정전협정을", Language.Korean)).Form);
        Assert.Empty(recognizer.Find("armistice", Language.English));
    }

    [Fact]
    public void Empty_recognizer_finds_nothing()
    {
        Assert.Equal(0, TermRecognizer.Empty.Count);
        Assert.Empty(TermRecognizer.Empty.Find("김일성은 Kim Il-sung", Language.Korean));
        Assert.Empty(TermRecognizer.Empty.Find("", Language.English));
    }

    [Fact]
    public void A_null_list_of_forms_is_a_clear_error()
    {
        var error = Assert.Throws<ArgumentException>(() => new TermRecognizer([new TermForms(42, ["김일성"], null!, [], [])]));

        Assert.Contains("Entry 42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Twenty_thousand_entries_still_give_the_right_hits()
    {
        // Synthetic entries that share first syllables and first words with each other and with the real ones, so
        // the index's buckets hold many candidates, plus the table's entries with ids offset past them.
        var random = new Random(17);
        string[] syllables = ["김", "일", "성", "한", "국", "전", "쟁", "협", "정", "포", "로", "수", "용", "소", "북", "미"];
        string[] words = ["armistice", "agreement", "negotiation", "korea", "war", "troop", "camp", "line", "front", "talks"];
        var entries = new List<TermForms>();
        for (var i = 0; i < 20_000; i++)
        {
            var korean = string.Concat(Enumerable.Range(0, 4 + random.Next(3)).Select(_ => syllables[random.Next(syllables.Length)]));
            var english = string.Join(' ', Enumerable.Range(0, 3 + random.Next(2)).Select(_ => words[random.Next(words.Length)])) + $" x{i}";
            entries.Add(new TermForms(100_000 + i, [korean], [english], [], []));
        }

        var big = new TermRecognizer(entries.Concat(Table.Entries));

        Assert.Equal(20_000 + Table.Entries.Count, big.Count);
        // Every synthetic English form is unique (its xN word), so each is found exactly, with its entry.
        foreach (var entry in entries.Where((_, i) => i % 997 == 0))
        {
            var text = $"The {entry.English[0]} was signed.";
            var hit = Assert.Single(big.Find(text, Language.English), h => h.EntryId == entry.EntryId);
            Assert.Equal((4, entry.English[0].Length), (hit.Start, hit.Length));

            var koreanHits = big.Find($"그 {entry.Korean[0]}에서", Language.Korean);
            Assert.Contains(koreanHits, h => h.Start == 2 && h.Length >= entry.Korean[0].Length);
        }

        // Among the synthetic forms some happen to be longer matches in the table's texts (a random 4-syllable form
        // such as 포로수용소 is a real word), so the rows are printed, not asserted; the cases are asserted.
        var unchanged = Table.Cases.Count(c => TermRecognitionTable.Case.Format(big.Find(c.Text, c.Language)) == c.Expected);
        output.WriteLine($"{unchanged}/{Table.Cases.Count} table rows give the same hits among 20,000 entries");
        Assert.Contains(big.Find("김일성은 정전협정을 체결하였다", Language.Korean), h => h is { Form: "김일성", Start: 0, Length: 3 });
        Assert.Contains(big.Find("The negotiations failed.", Language.English), h => h is { Form: "negotiation", Start: 4, Length: 12 });
    }

    [Fact]
    public void Find_can_be_called_from_many_threads_at_once()
    {
        var expected = Table.Cases.Select(c => c.Expected).ToArray();

        var results = new string[Table.Cases.Count * 8];
        Parallel.For(0, results.Length, i =>
        {
            var row = Table.Cases[i % Table.Cases.Count];
            results[i] = TermRecognitionTable.Case.Format(Recognizer.Find(row.Text, row.Language));
        });

        Assert.Equal(Enumerable.Repeat(expected, 8).SelectMany(e => e), results);
    }
}
