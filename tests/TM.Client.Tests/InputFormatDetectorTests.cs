using System.Text;
using TM.Client.Input;

namespace TM.Client.Tests;

public sealed class InputFormatDetectorTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("memory.tmx", "Tmx")]
    [InlineData("MEMORY.TMX", "Tmx")]
    [InlineData("pairs.tsv", "Tsv")]
    [InlineData("pairs.tab", "Tsv")]
    [InlineData("pairs.csv", "Csv")]
    [InlineData("doc.xlf", "Xliff")]
    [InlineData("doc.XLIFF", "Xliff")]
    [InlineData("abstract.txt", null)]
    [InlineData("abstract", null)]
    public void Extension_names_the_format_when_it_can(string name, string? format)
    {
        Assert.Equal(format, InputFormatDetector.FromExtension(name)?.ToString());
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">", "Tmx")]
    [InlineData("\uFEFF  \n<tmx version=\"1.4\">", "Tmx")]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- pretranslated -->\n<xliff version=\"2.0\" srcLang=\"ko\">", "Xliff")]
    [InlineData("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\">", "Xliff")]
    [InlineData("ko\ten\n전쟁\twar\n\n평화\tpeace\n", "Tsv")]
    [InlineData("전쟁은 끝났다.\n\nThe war ended.\n", "Document")]
    [InlineData("전쟁\twar\n휴전 협정은 1953년에 체결되었다.\n", "Document")]
    [InlineData("", "Document")]
    public void Content_decides_for_a_file_without_a_telling_extension(string head, string format)
    {
        Assert.Equal(format, InputFormatDetector.FromContent(Encoding.UTF8.GetBytes(head), wholeFile: true).ToString());
    }

    [Fact]
    public void A_sample_cut_inside_a_line_is_judged_on_its_whole_lines()
    {
        var head = Encoding.UTF8.GetBytes("전쟁\twar\n평화\tpeace\n휴전 협정은");

        Assert.Equal(InputFormat.Tsv, InputFormatDetector.FromContent(head, wholeFile: false));
        Assert.Equal(InputFormat.Document, InputFormatDetector.FromContent(head, wholeFile: true));
    }

    [Fact]
    public void A_TMX_file_named_xml_is_recognised_from_its_first_bytes()
    {
        var path = _directory.Write("export.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header/><body/></tmx>\n");

        Assert.Equal(InputFormat.Tmx, InputFormatDetector.Detect(path));
    }

    [Fact]
    public void Missing_file_and_directory_are_input_errors()
    {
        var missing = Assert.Throws<InputFileException>(() => InputFormatDetector.Detect(Path.Combine(_directory.Path, "none.tmx")));
        var directory = Assert.Throws<InputFileException>(() => InputFormatDetector.Detect(_directory.Path));

        Assert.Contains("file not found", missing.Message);
        Assert.Contains("is a directory", directory.Message);
    }
}
