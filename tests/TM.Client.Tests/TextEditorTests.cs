using TM.Client.Editing;

namespace TM.Client.Tests;

/// <summary>Which editor <c>tm edit</c> opens, in git's order.</summary>
public sealed class TextEditorTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("nano", "code --wait", "xterm-256color", "nano")]
    [InlineData("nano", "code --wait", "dumb", "code --wait")]
    [InlineData("", "code --wait", "xterm", "code --wait")]
    public void VISUAL_comes_before_EDITOR_but_not_on_a_dumb_terminal(string visual, string editor, string term, string expected)
    {
        var environment = new Dictionary<string, string> { ["VISUAL"] = visual, ["EDITOR"] = editor, ["TERM"] = term };

        Assert.Equal(expected, TextEditor.Resolve(environment.GetValueOrDefault));
    }

    [Fact]
    public void Without_either_it_is_editor_when_on_the_path_else_vi()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_directory.Path, "empty")).FullName;
        _directory.Write("editor", "#!/bin/sh\n");

        Assert.Equal("editor", TextEditor.Resolve(new Dictionary<string, string> { ["PATH"] = $"{empty}:{_directory.Path}" }.GetValueOrDefault));
        Assert.Equal("vi", TextEditor.Resolve(new Dictionary<string, string> { ["PATH"] = empty }.GetValueOrDefault));
    }
}
