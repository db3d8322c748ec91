using System.Xml.Linq;
using TM.Client;
using TM.Interchange.Tests;
using TM.Protos.V1;

namespace TM.Server.Tests.Client;

/// <summary>
/// <c>tm analyze</c>, <c>tm pretranslate</c> and <c>tm import</c> of the result against the real server: the
/// report's rows, the XLIFF 2.0 file, and a translated file going back into a memory as pairs.
/// </summary>
public sealed class TmPretranslateCommandTests : IAsyncLifetime
{
    private const string Memory = "armistice";

    private const string First = "1951년 7월 10일 개성에서 휴전회담이 처음 열렸다.";
    private const string Second = "회담은 군사분계선 문제로 곧 교착 상태에 빠졌다.";
    private const string Third = "1953년 7월 27일 판문점에서 유엔군과 공산군 대표가 정전협정에 서명하였고, 그날 밤 10시를 기해 모든 전선에서 포성이 멈추었다.";
    private const string Fourth = "포로 송환 문제는 마지막까지 가장 큰 쟁점이었다.";
    private const string Unseen = "전쟁 기간 동안 피난민들은 부산으로 몰려들었다.";

    private const string Parallel = $"""
        {First} {Second} {Third} {Fourth}

        The armistice talks first met at Kaesong on 10 July 1951. The talks soon stalled over the military demarcation line. On 27 July 1953 the representatives of the United Nations Command and the communist forces signed the Armistice Agreement at Panmunjom, and at 10 o'clock that night the guns fell silent on every front. The repatriation of prisoners remained the greatest issue to the end.
        """;

    private static readonly XNamespace Xlf = "urn:oasis:names:tc:xliff:document:2.0";

    private static readonly string ChangedDate = Third.Replace("7월 27일", "7월 28일", StringComparison.Ordinal);

    private readonly string _directory = Directory.CreateTempSubdirectory("tm-cli-pretranslate-").FullName;
    private RunningServer _server = null!;
    private string _document = "";

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(Path.Combine(_directory, "data"), "--no-seeds");
        var imported = await _server.Client.ImportDocumentAsync(new ImportDocumentRequest { Memory = Memory, Name = "armistice.txt", Text = Parallel });
        Assert.Equal(4, imported.PairsStored);
        // The stored sentences in order (three in context, one exact), one repeated, one with another date, one new.
        _document = Path.Combine(_directory, "doc.txt");
        await File.WriteAllTextAsync(_document, $"{First} {Second} {Third} {Fourth} {Second} {ChangedDate} {Unseen}\n");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<(int ExitCode, string Out, string Err)> Tm(params string[] args) => TmCli.RunAsync(_server.Address, args);

    [Fact]
    public async Task Analyze_prints_the_bands_of_the_document_against_the_memory()
    {
        var (exitCode, output, error) = await Tm("analyze", _document, "--memory", Memory);

        Assert.True(exitCode == ExitCodes.Success, output + error);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(cells => cells.Length >= 5 && char.IsDigit(cells[^2][0]))
            .ToDictionary(cells => string.Join(' ', cells[..^4]), cells => cells[^4]);
        Assert.Equal("3", rows["Context match"]);
        Assert.Equal("1", rows["Repetitions"]);
        Assert.Equal("1", rows["100%"]);
        Assert.Equal("1", rows["95-99%"]);
        Assert.Equal("0", rows["85-94%"]);
        Assert.Equal("1", rows["No match"]);
        Assert.Equal("7", rows["Total"]);
        Assert.StartsWith("Analysis of doc.txt against memory armistice (source ko): 7 segments", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_of_several_documents_prints_each_and_then_the_batch_total()
    {
        var second = Path.Combine(_directory, "second.txt");
        // The first stored sentence with another after it (exact, not in context), and the new one of doc.txt.
        await File.WriteAllTextAsync(second, $"{First} {Unseen}\n");

        var (exitCode, output, error) = await Tm("analyze", _document, second, "--memory", Memory);

        Assert.True(exitCode == ExitCodes.Success, output + error);
        var batch = output[output.LastIndexOf("Analysis of ", StringComparison.Ordinal)..];
        Assert.StartsWith("Analysis of 2 documents against memory armistice (source ko): 9 segments", batch, StringComparison.Ordinal);
        Assert.Contains("Analysis of second.txt against memory armistice (source ko): 2 segments", output, StringComparison.Ordinal);
        var rows = batch.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(cells => cells.Length >= 5 && char.IsDigit(cells[^2][0]))
            .ToDictionary(cells => string.Join(' ', cells[..^4]), cells => cells[^4]);
        // Both sentences of second.txt occurred in doc.txt: in the batch they are cross-file repetitions, not a second
        // 100% and a second new sentence.
        Assert.Equal(("3", "1", "2", "1", "1", "1", "9"),
            (rows["Context match"], rows["Repetitions"], rows["Cross-file repetitions"], rows["100%"], rows["95-99%"], rows["No match"], rows["Total"]));
    }

    [Fact]
    public async Task A_pretranslated_file_validates_and_once_translated_goes_back_into_a_memory()
    {
        var xliff = Path.Combine(_directory, "doc.xlf");

        var (exitCode, output, error) = await Tm("pretranslate", _document, "-o", xliff, "--memory", Memory);

        Assert.True(exitCode == ExitCodes.Success, output + error);
        Xliff2CoreChecker.AssertValid(await File.ReadAllBytesAsync(xliff));
        var document = XDocument.Load(xliff);
        var segments = document.Descendants(Xlf + "segment").ToList();
        Assert.Equal(
            ["translated", "translated", "translated", "translated", "translated", "initial", "initial"],
            segments.Select(s => (string)s.Attribute("state")!));
        Assert.Contains("28 July 1953", (string)segments[5].Element(Xlf + "target")!, StringComparison.Ordinal);
        Assert.Null(segments[6].Element(Xlf + "target"));

        // The translator accepts the adapted fuzzy match and translates the new sentence.
        segments[5].SetAttributeValue("state", "reviewed");
        segments[6].SetAttributeValue("state", "translated");
        segments[6].Add(new XElement(Xlf + "target", "During the war refugees flocked to Busan."));
        document.Save(xliff);

        (exitCode, output, error) = await Tm("import", xliff, "--memory", "reimported");

        Assert.True(exitCode == ExitCodes.Success, output + error);
        Assert.Contains("(XLIFF, import ", output, StringComparison.Ordinal);
        var stats = await _server.Client.GetStatsAsync(new GetStatsRequest { Memory = "reimported" });
        Assert.Equal(6, stats.Memories.Single().Segments); // seven segments, the repetition stored once

        (exitCode, output, error) = await Tm("match", Unseen, "--memory", "reimported");

        Assert.True(exitCode == ExitCodes.Success, output + error);
        Assert.Contains("During the war refugees flocked to Busan.", output, StringComparison.Ordinal);
        (exitCode, output, _) = await Tm("match", ChangedDate, "--memory", "reimported");
        Assert.Contains("100%", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pretranslated_xliff_1_2_file_validates_and_once_translated_goes_back_into_a_memory()
    {
        XNamespace x12 = "urn:oasis:names:tc:xliff:document:1.2";
        var xliff = Path.Combine(_directory, "doc12.xlf");

        var (exitCode, output, error) = await Tm("pretranslate", _document, "-o", xliff, "--memory", Memory, "--xliff-version", "1.2");

        Assert.True(exitCode == ExitCodes.Success, output + error);
        Xliff12Checker.AssertValid(await File.ReadAllBytesAsync(xliff));
        var document = XDocument.Load(xliff);
        var units = document.Descendants(x12 + "trans-unit").ToList();
        Assert.Equal(
            ["translated", "translated", "translated", "translated", "translated", "needs-review-translation", null],
            units.Select(u => (string?)u.Element(x12 + "target")?.Attribute("state")));

        // The translator signs off the adapted fuzzy match and approves a translation of the new sentence.
        units[5].Element(x12 + "target")!.SetAttributeValue("state", "signed-off");
        units[6].SetAttributeValue("approved", "yes");
        units[6].Element(x12 + "source")!.AddAfterSelf(new XElement(x12 + "target", "During the war refugees flocked to Busan."));
        document.Save(xliff);

        (exitCode, output, error) = await Tm("import", xliff, "--memory", "reimported12");

        Assert.True(exitCode == ExitCodes.Success, output + error);
        var stats = await _server.Client.GetStatsAsync(new GetStatsRequest { Memory = "reimported12" });
        Assert.Equal(6, stats.Memories.Single().Segments); // seven units, the repetition stored once
        (exitCode, output, error) = await Tm("match", Unseen, "--memory", "reimported12");
        Assert.True(exitCode == ExitCodes.Success, output + error);
        Assert.Contains("During the war refugees flocked to Busan.", output, StringComparison.Ordinal);
    }
}
