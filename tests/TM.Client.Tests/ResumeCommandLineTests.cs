using TM.Client.Import;

namespace TM.Client.Tests;

public class ResumeCommandLineTests
{
    [Fact]
    public void Resume_command_repeats_the_options_that_shaped_the_import()
    {
        var command = ResumeCommandLine.For("data/big.tmx", 42, "history", "en", "http://127.0.0.1:5171");

        // No --policy: the import keeps the one it started with.
        Assert.Equal("tm import data/big.tmx --resume 42 --memory history --source-lang en --server http://127.0.0.1:5171", command);
    }

    [Fact]
    public void Options_that_were_not_given_are_left_out()
    {
        Assert.Equal("tm import big.tmx --resume 7", ResumeCommandLine.For("big.tmx", 7, "", null, null));
    }

    [Theory]
    [InlineData("plain-name_1.tmx", "plain-name_1.tmx")]
    [InlineData("한국전쟁/자료.tmx", "한국전쟁/자료.tmx")]
    [InlineData("my files/big.tmx", "'my files/big.tmx'")]
    [InlineData("it's.tmx", "'it'\\''s.tmx'")]
    [InlineData("$HOME/x.tmx", "'$HOME/x.tmx'")]
    [InlineData("~/x.tmx", "'~/x.tmx'")]
    [InlineData("", "''")]
    public void Arguments_are_quoted_so_a_POSIX_shell_reads_them_back_unchanged(string argument, string quoted)
    {
        Assert.Equal(quoted, ResumeCommandLine.Quote(argument));
    }
}
