using TM.Text;
using TM.Text.Adaptation;
using Xunit.Abstractions;

namespace TM.Text.Tests.Adaptation;

public sealed class TargetAdapterTests(ITestOutputHelper output)
{
    // Line number first, so that a failing row is named in the test's display name.
    public static TheoryData<int, string, string, string, string, string, int> Cases()
    {
        var data = new TheoryData<int, string, string, string, string, string, int>();
        foreach (var row in AdaptationCase.ReadAll())
        {
            data.Add(row.Line, row.Direction, row.Query, row.Source, row.Target, row.Expected, row.Unplaced);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Adapt_gives_the_expected_target_for_each_row_of_the_table(
        int line, string direction, string query, string source, string target, string expected, int unplaced)
    {
        var failure = new AdaptationCase(line, direction, query, source, target, expected, unplaced).Check();

        Assert.Null(failure);
    }

    [Fact]
    public void The_table_has_enough_cases_in_both_directions_and_all_pass()
    {
        var cases = AdaptationCase.ReadAll();
        var failures = cases.Select(c => c.Check()).OfType<string>().ToList();

        var passed = cases.Count - failures.Count;
        output.WriteLine($"{passed}/{cases.Count} adaptation cases pass ({100.0 * passed / cases.Count:0.0}%)");
        foreach (var failure in failures)
        {
            output.WriteLine(failure);
        }

        foreach (var row in cases)
        {
            var result = TargetAdapter.Adapt(row.Query, row.Source, row.Target, row.SourceLanguage);
            var replaced = string.Join(", ", result.Replacements.Select(r => $"{r.OriginalText} → {r.ReplacementText}"));
            var unplaced = string.Join(", ", result.Unplaced.Select(m => row.Query.Substring(m.Start, m.Length)));
            output.WriteLine($"line {row.Line} {row.Direction}: [{replaced}] unplaced [{unplaced}]");
        }

        Assert.True(cases.Count(c => c.Direction == "ko-en") >= 40, "fewer than 40 ko-en cases");
        Assert.True(cases.Count(c => c.Direction == "en-ko") >= 40, "fewer than 40 en-ko cases");
        Assert.True(cases.Count(c => c.Expected == "=") >= 10, "fewer than 10 cases that must not adapt");
        Assert.Empty(failures);
    }

    [Fact]
    public void Adapt_replaces_the_month_in_an_english_target_and_reports_the_replacement()
    {
        const string target = "Armistice talks began in May 1951.";

        var result = TargetAdapter.Adapt("1951년 6월 휴전 회담이 시작되었다.", "1951년 5월 휴전 회담이 시작되었다.", target, Language.Korean);

        Assert.True(result.Changed);
        Assert.Equal("Armistice talks began in June 1951.", result.AdaptedTarget);
        Assert.Empty(result.Unplaced);
        var replacement = Assert.Single(result.Replacements);
        Assert.Equal(new TargetReplacement(NumberAnchorKind.Month, 5, 6, target.IndexOf("May", StringComparison.Ordinal), 3, "May", "June"), replacement);
    }

    [Fact]
    public void Adapt_reports_an_unplaced_number_with_its_span_in_the_query()
    {
        const string query = "회담에는 모두 20개국이 참가하였다.";

        var result = TargetAdapter.Adapt(query, "회담에는 모두 19개국이 참가하였다.", "The conference brought together nineteen states.", Language.Korean);

        Assert.False(result.Changed);
        var unplaced = Assert.Single(result.Unplaced);
        Assert.Equal(new NumberAnchor(NumberAnchorKind.Cardinal, 20), unplaced.Anchor);
        Assert.Equal("20", query.Substring(unplaced.Start, unplaced.Length));
    }

    [Fact]
    public void Adapt_rewrites_a_date_as_a_whole_when_its_month_changes()
    {
        var result = TargetAdapter.Adapt("8월 5일 송환이 시작되었다.", "9월 5일 송환이 시작되었다.", "Repatriation began on 5 September.", Language.Korean);

        var replacement = Assert.Single(result.Replacements);
        Assert.Equal(("5 September", "5 August", NumberAnchorKind.Date), (replacement.OriginalText, replacement.ReplacementText, replacement.Kind));
        Assert.Equal((905m, 805m), (replacement.MatchValue, replacement.QueryValue));
    }

    [Fact]
    public void Adapt_swaps_two_numbers_that_trade_places()
    {
        var result = TargetAdapter.Adapt(
            "6월 공세 이후 5월 회담이 열렸다.", "5월 공세 이후 6월 회담이 열렸다.", "After the May offensive, talks were held in June.", Language.Korean);

        Assert.Equal("After the June offensive, talks were held in May.", result.AdaptedTarget);
        Assert.Equal(2, result.Replacements.Count);
    }

    [Fact]
    public void Adapt_leaves_the_target_alone_when_the_query_has_no_numbers()
    {
        const string target = "The talks resumed in May.";

        var result = TargetAdapter.Adapt("회담이 재개되었다.", "5월 회담이 재개되었다.", target, Language.Korean);

        Assert.Same(target, result.AdaptedTarget);
        Assert.False(result.Changed);
        Assert.Empty(result.Unplaced);
    }

    [Theory]
    [InlineData("The talks resumed in Oct.", "The talks resumed in May.")]
    [InlineData("The talks resumed on Oct. 5 at Panmunjom.", "The talks resumed on May 5 at Panmunjom.")]
    [InlineData("The talks resumed in Oct. at Panmunjom.", "The talks resumed in May at Panmunjom.")]
    public void Adapt_writes_may_without_the_period_of_an_abbreviation_unless_it_ended_the_sentence(string target, string expected)
    {
        var day = target.Contains("5 ", StringComparison.Ordinal) ? " 5일" : "";

        var result = TargetAdapter.Adapt($"5월{day}에 회담이 재개되었다.", $"10월{day}에 회담이 재개되었다.", target, Language.Korean);

        Assert.Equal(expected, result.AdaptedTarget);
    }

    [Theory]
    [InlineData(11, "The 11th Airborne arrived.")]
    [InlineData(21, "The 21st Airborne arrived.")]
    [InlineData(22, "The 22nd Airborne arrived.")]
    [InlineData(103, "The 103rd Airborne arrived.")]
    [InlineData(112, "The 112th Airborne arrived.")]
    public void Adapt_writes_the_english_ordinal_suffix_of_the_new_number(int ordinal, string expected)
    {
        var result = TargetAdapter.Adapt($"제{ordinal}공수사단이 도착하였다.", "제187공수사단이 도착하였다.", "The 187th Airborne arrived.", Language.Korean);

        Assert.Equal(expected, result.AdaptedTarget);
    }

    [Theory]
    [InlineData("1억 2천만", 130_000_000, "1억 3천만")]
    [InlineData("1억 2천만", 12_000_000, "1,200만")]
    [InlineData("3천", 4_500, "4,500")]
    [InlineData("17만", 175_000, "17만 5천")]
    [InlineData("27000", 25_500, "25500")]
    [InlineData("684", 1_200, "1,200")]
    public void Adapt_writes_korean_cardinals_with_units_only_where_the_target_did(string written, int value, string expected)
    {
        var old = NumberAnchorExtractor.Extract(written, Language.Korean)[0].Value;

        var result = TargetAdapter.Adapt($"Some {value:#,0} men came.", $"Some {old:#,0} men came.", $"{written}명이 왔다.", Language.English);

        Assert.Equal($"{expected}명이 왔다.", result.AdaptedTarget);
    }
}
