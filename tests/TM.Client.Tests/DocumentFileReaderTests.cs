using System.Text;
using TM.Client.Input;

namespace TM.Client.Tests;

public sealed class DocumentFileReaderTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Valid_utf8_is_read_and_the_bom_dropped()
    {
        var path = _directory.Write("doc.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("전쟁\r\nwar\n")]);

        Assert.Equal("전쟁\r\nwar\n", DocumentFileReader.ReadAllText(path));
    }

    [Fact]
    public void Invalid_byte_is_reported_with_file_and_line()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("첫 줄\n둘째 줄\nabc"), 0xFF, .. Encoding.UTF8.GetBytes("def\n")];
        var path = _directory.Write("bad.txt", bytes);

        var ex = Assert.Throws<InputFileException>(() => DocumentFileReader.ReadAllText(path));

        Assert.Equal(3, ex.Line);
        Assert.Equal(path, ex.Path);
        Assert.StartsWith($"{path}, line 3: invalid UTF-8 at byte 4 of the line (0xFF", ex.Message);
    }

    [Fact]
    public void Korean_in_cp949_gets_a_conversion_hint()
    {
        // "한국" in EUC-KR/CP949.
        var path = _directory.Write("euckr.txt", [0x61, 0x0A, 0xC7, 0xD1, 0xB1, 0xB9, 0x0A]);

        var ex = Assert.Throws<InputFileException>(() => DocumentFileReader.ReadAllText(path));

        Assert.Equal(2, ex.Line);
        Assert.Contains("CP949", ex.Message);
    }

    [Fact]
    public void Sequence_cut_off_at_the_end_of_the_file_is_invalid()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("전쟁\n평"[..^1]), .. Encoding.UTF8.GetBytes("평")[..2]];
        var path = _directory.Write("cut.txt", bytes);

        var ex = Assert.Throws<InputFileException>(() => DocumentFileReader.ReadAllText(path));

        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void Utf16_file_is_refused_with_a_clear_reason()
    {
        var path = _directory.Write("utf16.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("전쟁")]);

        var ex = Assert.Throws<InputFileException>(() => DocumentFileReader.ReadAllText(path));

        Assert.Contains("UTF-16", ex.Message);
    }

    [Fact]
    public void Missing_file_is_reported_by_name()
    {
        var path = Path.Combine(_directory.Path, "missing.txt");

        var ex = Assert.Throws<InputFileException>(() => DocumentFileReader.ReadAllText(path));

        Assert.Equal($"{path}: file not found.", ex.Message);
    }
}
