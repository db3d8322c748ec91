using Grpc.Core;
using TM.Protos.V1;

namespace TM.Server.Tests.Pretranslation;

/// <summary>Pretranslate through the real server: every sentence's best match and band in document order, repetitions once, the report last.</summary>
public sealed class PretranslateTests : IAsyncLifetime
{
    private const string Memory = "armistice";

    // Four sentences aligned 1-1 into the memory, in this order.
    private const string First = "1951년 7월 10일 개성에서 휴전회담이 처음 열렸다.";
    private const string Second = "회담은 군사분계선 문제로 곧 교착 상태에 빠졌다.";
    private const string Third = "1953년 7월 27일 판문점에서 유엔군과 공산군 대표가 정전협정에 서명하였고, 그날 밤 10시를 기해 모든 전선에서 포성이 멈추었다.";
    private const string Fourth = "포로 송환 문제는 마지막까지 가장 큰 쟁점이었다.";

    private const string Parallel = $"""
        {First} {Second} {Third} {Fourth}

        The armistice talks first met at Kaesong on 10 July 1951. The talks soon stalled over the military demarcation line. On 27 July 1953 the representatives of the United Nations Command and the communist forces signed the Armistice Agreement at Panmunjom, and at 10 o'clock that night the guns fell silent on every front. The repatriation of prisoners remained the greatest issue to the end.
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("tm-pretranslate-").FullName;
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(_directory, "--no-seeds");
        var imported = await _server.Client.ImportDocumentAsync(new ImportDocumentRequest { Memory = Memory, Name = "armistice.txt", Text = Parallel });
        Assert.Equal(4, imported.PairsStored);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Each_sentence_gets_its_best_match_and_band_in_order_and_a_repetition_counts_once()
    {
        // The stored sentences in their order, one again, one with another date, one the memory has never seen.
        var changedDate = Third.Replace("7월 27일", "7월 28일", StringComparison.Ordinal);
        const string Unseen = "전쟁 기간 동안 피난민들은 부산으로 몰려들었다.";
        var text = $"{First} {Second} {Third} {Fourth} {Second} {changedDate} {Unseen}";

        var (sentences, progress, report) = await PretranslateAsync(text);

        Assert.Equal([First, Second, Third, Fourth, Second, changedDate, Unseen], sentences.Select(s => s.Source));
        Assert.Equal(Enumerable.Range(0, 7), sentences.Select(s => s.Index));
        Assert.Equal(
            [AnalysisBand.Context, AnalysisBand.Context, AnalysisBand.Context, AnalysisBand.Exact, AnalysisBand.Repetition, AnalysisBand.Fuzzy9599, AnalysisBand.NoMatch],
            sentences.Select(s => s.Band));
        // The fourth was stored last; here another sentence follows it, so it is exact but not in context.
        Assert.Equal("The repatriation of prisoners remained the greatest issue to the end.", sentences[3].Match.Target);
        Assert.Equal((1, "The talks soon stalled over the military demarcation line."), (sentences[4].RepetitionOf, sentences[4].Match.Target));
        Assert.Contains("28 July 1953", sentences[5].Match.AdaptedTarget);
        Assert.Null(sentences[6].Match);
        Assert.All(sentences.Where(s => s.Band != AnalysisBand.Repetition), s => Assert.Equal(-1, s.RepetitionOf));
        Assert.Equal(new PretranslateProgress { SentencesDone = 7, SentencesTotal = 7 }, progress[^1]);

        Assert.Equal((Memory, "ko", 7), (report.Memory, report.SourceLang, report.TotalSegments));
        Assert.Equal(
            [(AnalysisBand.Context, 3), (AnalysisBand.Exact, 1), (AnalysisBand.Fuzzy9599, 1), (AnalysisBand.Fuzzy8594, 0), (AnalysisBand.Fuzzy7584, 0),
             (AnalysisBand.Fuzzy5074, 0), (AnalysisBand.NoMatch, 1), (AnalysisBand.Repetition, 1)],
            report.Bands.Select(b => (b.Band, b.Segments)));
        Assert.Equal(sentences.Sum(s => (long)s.Words), report.TotalWords);
        Assert.Equal(sentences.Sum(s => (long)s.Characters), report.TotalCharacters);
        Assert.Equal(report.TotalWords, report.Bands.Sum(b => b.Words));
        var repetition = report.Bands.Single(b => b.Band == AnalysisBand.Repetition);
        Assert.Equal((sentences[4].Words, sentences[4].Characters), ((int)repetition.Words, (int)repetition.Characters));
    }

    [Theory]
    [InlineData(Second, 7, 21)]
    [InlineData(First, 7, 25)]
    public async Task A_sentence_counts_its_eojeol_as_words_and_its_characters_without_spaces(string sentence, int words, int characters)
    {
        var (sentences, _, _) = await PretranslateAsync(sentence);

        Assert.Equal((words, characters), (Assert.Single(sentences).Words, sentences[0].Characters));
    }

    [Fact]
    public async Task A_parallel_document_is_pretranslated_from_the_language_asked_for()
    {
        var (korean, _, koreanReport) = await PretranslateAsync(Parallel);
        var (english, _, englishReport) = await PretranslateAsync(Parallel, "en");

        Assert.Equal([First, Second, Third, Fourth], korean.Select(s => s.Source));
        Assert.Equal("ko", koreanReport.SourceLang);
        Assert.Equal(4, english.Count);
        Assert.StartsWith("The armistice talks first met", english[0].Source, StringComparison.Ordinal);
        Assert.Equal(First, english[0].Match.Target);
        Assert.Equal("en", englishReport.SourceLang);
        Assert.All(korean, s => Assert.Equal(AnalysisBand.Context, s.Band));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n\n  ", "empty")]
    public async Task A_document_without_text_is_refused(string text, string expected)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => PretranslateAsync(text));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expected, error.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_document_in_the_other_language_than_asked_says_so()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => PretranslateAsync("The talks soon stalled.", "ko"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("no Korean sentence", error.Status.Detail);
    }

    private async Task<(List<Protos.V1.PretranslatedSentence> Sentences, List<PretranslateProgress> Progress, AnalysisReport Report)> PretranslateAsync(
        string text, string sourceLang = "")
    {
        using var call = _server.Client.Pretranslate(new PretranslateRequest { Memory = Memory, Text = text, SourceLang = sourceLang, Name = "test.txt" });
        var sentences = new List<Protos.V1.PretranslatedSentence>();
        var progress = new List<PretranslateProgress>();
        AnalysisReport? report = null;
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            Assert.Null(report); // the report is the last message
            switch (message.ItemCase)
            {
                case PretranslateResponse.ItemOneofCase.Sentence:
                    sentences.Add(message.Sentence);
                    break;
                case PretranslateResponse.ItemOneofCase.Progress:
                    progress.Add(message.Progress);
                    break;
                default:
                    report = message.Report;
                    break;
            }
        }
        return (sentences, progress, report ?? throw new InvalidOperationException("No report came."));
    }
}
