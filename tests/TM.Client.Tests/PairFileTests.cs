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

        Assert.True(PairFile.TryParse(PairFile.Render(segment, "history"), out var korean, out var english, out var fields, out var error), error);
        Assert.Equal((segment.Ko, segment.En), (korean, english));
        Assert.Empty(fields!);
    }

    [Fact]
    public void A_rendered_pair_shows_its_fields_one_a_line_and_reads_them_back()
    {
        var segment = new Segment
        {
            SegmentId = "9", Ko = "휴전", En = "truce", Version = 3,
            Fields = { new FieldValue { Name = "domain", Value = "war" }, new FieldValue { Name = "domain", Value = "armistice" }, new FieldValue { Name = "journal", Value = "군사 사연구" } },
        };

        var text = PairFile.Render(segment, "");

        Assert.EndsWith("[en]\ntruce\n\n[fields]\ndomain = war\ndomain = armistice\njournal = 군사 사연구\n", text);
        Assert.True(PairFile.TryParse(text, out _, out _, out var fields, out var error), error);
        Assert.True(PairFile.SameFields(segment.Fields, fields!));
    }

    [Fact]
    public void Under_fields_blank_and_comment_lines_and_names_without_a_value_are_left_out_and_order_is_no_change()
    {
        const string edited = "[ko]\n휴전\n[en]\ntruce\n[fields]\n\n# one a line\n  journal =  군사사연구 \nreviewed =\ndomain=war\n";
        var stored = new[] { new FieldValue { Name = "domain", Value = "war" }, new FieldValue { Name = "journal", Value = "군사사연구" } };

        Assert.True(PairFile.TryParse(edited, out _, out var english, out var fields, out var error), error);
        Assert.Equal("truce", english);
        Assert.Equal(["journal=군사사연구", "domain=war"], fields!.Select(f => $"{f.Name}={f.Value}"));
        Assert.True(PairFile.SameFields(stored, fields!));
    }

    [Fact]
    public void A_file_without_a_fields_line_leaves_the_fields_as_they_are()
    {
        Assert.True(PairFile.TryParse("[ko]\n휴전\n[en]\ntruce\n", out _, out _, out var fields, out var error), error);
        Assert.Null(fields);
    }

    [Fact]
    public void A_side_drops_the_blank_lines_and_spaces_around_it_and_keeps_those_inside()
    {
        const string edited = "\uFEFF# header\r\n\r\n[ko]\r\n\r\n  휴전회담이 열렸다.\r\n\r\n[en] \r\nThe talks opened.\r\n\r\nThey lasted two years.  \r\n\r\n";

        Assert.True(PairFile.TryParse(edited.TrimStart('\uFEFF'), out var korean, out var english, out _, out var error), error);
        Assert.Equal("휴전회담이 열렸다.", korean);
        Assert.Equal("The talks opened.\n\nThey lasted two years.", english);
    }

    [Theory]
    [InlineData("[ko]\n휴전\n", "the [en] line is missing")]
    [InlineData("# header\nstray text\n[ko]\n휴전\n[en]\ntruce\n", "line 2 is text above [ko]")]
    [InlineData("[ko]\n휴전\n[en]\ntruce\n[en]\narmistice\n", "line 5 repeats [en]")]
    [InlineData("[ko]\n휴전\n[en]\ntruce\n[fields]\ndomain: war\n", "line 6 is not name = value")]
    [InlineData("[ko]\n휴전\n[en]\ntruce\n[fields]\n[fields]\n", "line 6 repeats [fields]")]
    public void A_file_whose_sides_cannot_be_told_apart_is_refused_saying_where(string edited, string expected)
    {
        Assert.False(PairFile.TryParse(edited, out _, out _, out _, out var error));
        Assert.Contains(expected, error);
    }
}
