using TM.Client.Editing;
using TM.Protos.V1;

namespace TM.Client.Tests;

/// <summary>The file <c>tm edit</c> hands to the editor, and how it is read back.</summary>
public sealed class PairFileTests
{
    [Fact]
    public void A_rendered_pair_reads_back_as_it_was_line_breaks_included()
    {
        var segment = new Segment { SegmentId = "9", Ko = "첫째 줄\n#2 둘째 줄", En = "First line\n#2 second line", Version = 3 };

        Assert.True(PairFile.TryParse(PairFile.Render(segment, "history"), out var korean, out var english, out var error), error);
        Assert.Equal((segment.Ko, segment.En), (korean, english));
    }

    [Fact]
    public void A_side_drops_the_blank_lines_and_spaces_around_it_and_keeps_those_inside()
    {
        const string edited = "\uFEFF# header\r\n\r\n[ko]\r\n\r\n  휴전회담이 열렸다.\r\n\r\n[en] \r\nThe talks opened.\r\n\r\nThey lasted two years.  \r\n\r\n";

        Assert.True(PairFile.TryParse(edited.TrimStart('\uFEFF'), out var korean, out var english, out var error), error);
        Assert.Equal("휴전회담이 열렸다.", korean);
        Assert.Equal("The talks opened.\n\nThey lasted two years.", english);
    }

    [Theory]
    [InlineData("[ko]\n휴전\n", "the [en] line is missing")]
    [InlineData("# header\nstray text\n[ko]\n휴전\n[en]\ntruce\n", "line 2 is text above [ko]")]
    [InlineData("[ko]\n휴전\n[en]\ntruce\n[en]\narmistice\n", "line 5 repeats [en]")]
    public void A_file_whose_sides_cannot_be_told_apart_is_refused_saying_where(string edited, string expected)
    {
        Assert.False(PairFile.TryParse(edited, out _, out _, out var error));
        Assert.Contains(expected, error);
    }
}
