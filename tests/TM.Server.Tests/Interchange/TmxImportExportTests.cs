using System.Text;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Grpc.Core;
using TM.Interchange;
using TM.Protos.V1;

namespace TM.Server.Tests.Interchange;

/// <summary>ImportTmx, ExportTmx and ListImports over gRPC against the real server, with the TM.Interchange fixtures.</summary>
public sealed class TmxImportExportTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Trados = "trados-studio-export.tmx";
    private const string OmegaT = "omegat-project_save.tmx";

    private TranslationMemory.TranslationMemoryClient Client => server.Client;

    private static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "tests", "TM.Interchange.Tests", "Fixtures", name));

    // Small chunks on purpose: chunk borders then fall inside tags and inside multi-byte Korean characters.
    private async Task<ImportTmxResponse> Import(string memory, string fileName, byte[] bytes, int chunkSize = 97)
    {
        using var call = Client.ImportTmx();
        try
        {
            var offset = 0;
            do
            {
                var length = Math.Min(chunkSize, bytes.Length - offset);
                var message = new ImportTmxRequest { Chunk = ByteString.CopyFrom(bytes, offset, length) };
                if (offset == 0)
                {
                    message.Memory = memory;
                    message.FileName = fileName;
                }
                await call.RequestStream.WriteAsync(message);
                offset += length;
            }
            while (offset < bytes.Length);
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is not RpcException)
        {
            // The server stopped reading (a damaged file): its status, below, says why.
        }
        return await call.ResponseAsync;
    }

    private async Task<byte[]> Export(string memory)
    {
        using var call = Client.ExportTmx(new ExportTmxRequest { Memory = memory });
        var output = new MemoryStream();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
            call.ResponseStream.Current.Chunk.WriteTo(output);
        return output.ToArray();
    }

    private static (List<TranslationUnit> Units, ReadStatistics Statistics) Read(byte[] bytes)
    {
        using var reader = new TmxReader(new MemoryStream(bytes));
        var units = reader.ReadUnits().Select(u => u with { OriginFile = null, OriginLine = null }).ToList();
        return (units, reader.Statistics);
    }

    // The memory keeps the first of several units with the same pair of texts.
    private static List<TranslationUnit> DistinctPairs(IEnumerable<TranslationUnit> units) =>
        units.DistinctBy(u => (u.Korean, u.English)).ToList();

    [Theory]
    [InlineData(Trados)]
    [InlineData(OmegaT)]
    public async Task Importing_a_CAT_tool_export_stores_its_Korean_English_units_and_counts_the_rest(string fixture)
    {
        var bytes = Fixture(fixture);
        var (units, statistics) = Read(bytes);
        var memory = "tmx-" + fixture;

        var response = await Import(memory, fixture, bytes);

        Assert.Equal(statistics.UnitsRead, response.UnitsRead);
        Assert.Equal(DistinctPairs(units).Count, response.PairsStored);
        Assert.Equal(units.Count - response.PairsStored, response.PairsSkippedDuplicate);
        Assert.Equal(statistics.Skipped(SkipReason.OtherLanguages), response.SkippedOtherLanguages);
        Assert.Equal(statistics.Skipped(SkipReason.MissingKorean), response.SkippedMissingKorean);
        Assert.Equal(statistics.Skipped(SkipReason.MissingEnglish), response.SkippedMissingEnglish);
        Assert.Equal(statistics.Skipped(SkipReason.EmptySegment), response.SkippedEmpty);
        Assert.Equal(1, response.BatchesCommitted);
        var stats = await Client.GetStatsAsync(new GetStatsRequest { Memory = memory });
        Assert.Equal(response.PairsStored, stats.Memories.Single().Segments);
    }

    [Theory]
    [InlineData(Trados)]
    [InlineData(OmegaT)]
    public async Task Export_gives_back_the_imported_units_with_their_markup_and_metadata_and_reimports_to_the_same_file(string fixture)
    {
        var original = Fixture(fixture);
        await Import("rt-a-" + fixture, fixture, original);

        var exported = await Export("rt-a-" + fixture);
        var reimport = await Import("rt-b-" + fixture, "export.tmx", exported, chunkSize: 4096);
        var exportedAgain = await Export("rt-b-" + fixture);

        // Texts (placeholders included), inline tags, props, notes, dates and ids: every member of every unit. A unit the
        // file gave no creation or change date gets when the server stored it (every exported pair carries its history).
        var originals = DistinctPairs(Read(original).Units);
        var units = Read(exported).Units;
        Assert.Equal(originals.Count, units.Count);
        for (var i = 0; i < units.Count; i++)
        {
            Assert.NotNull(units[i].CreationDate);
            Assert.NotNull(units[i].ChangeDate);
            Assert.Equal(originals[i] with
            {
                CreationDate = originals[i].CreationDate ?? units[i].CreationDate,
                // Without keys an imported pair's creator is its import ("import:" and the file's name).
                CreationId = originals[i].CreationId ?? "import:" + fixture,
                ChangeId = originals[i].ChangeId ?? "import:" + fixture,
                ChangeDate = originals[i].ChangeDate ?? units[i].ChangeDate,
                // The pair's origin (the file it came from) goes out first, and a re-import reads it back as the origin.
                Properties = [new TmxProperty("x-tm-origin", fixture), .. originals[i].Properties],
            }, units[i]);
        }
        Assert.Equal(0, reimport.PairsSkippedDuplicate);
        Assert.Equal(exported, exportedAgain);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Encoding.UTF8.GetString(exported), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Reimporting_the_same_TMX_adds_nothing()
    {
        var bytes = Fixture(Trados);
        var first = await Import("tmx-twice", Trados, bytes);

        var second = await Import("tmx-twice", Trados, bytes);

        Assert.True(first.PairsStored > 0);
        Assert.Equal(0, second.PairsStored);
        Assert.Equal(second.UnitsRead, second.PairsSkippedDuplicate);
        var stats = await Client.GetStatsAsync(new GetStatsRequest { Memory = "tmx-twice" });
        Assert.Equal(first.PairsStored, stats.Memories.Single().Segments);
    }

    [Fact]
    public async Task Truncated_TMX_is_invalid_with_its_line_and_keeps_the_batches_committed_before_it()
    {
        // 12,000 units: two full batches of 5,000 commit, the file breaks off in the third.
        var tmx = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header srclang=\"ko\"/>\n<body>\n");
        for (var i = 0; i < 12_000; i++)
            tmx.Append("<tu><tuv xml:lang=\"ko\"><seg>문장 ").Append(i).Append("번</seg></tuv><tuv xml:lang=\"en\"><seg>Sentence ").Append(i).Append(".</seg></tuv></tu>\n");
        var whole = Encoding.UTF8.GetBytes(tmx.ToString());
        var truncated = whole[..(whole.Length * 95 / 100)];

        var error = await Assert.ThrowsAsync<RpcException>(() => Import("tmx-truncated", "broken.tmx", truncated, chunkSize: 64 * 1024));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("broken.tmx", error.Status.Detail);
        Assert.Matches(new Regex(@"line \d+"), error.Status.Detail);
        Assert.Contains("10,000 pairs", error.Status.Detail);
        var stats = await Client.GetStatsAsync(new GetStatsRequest { Memory = "tmx-truncated" });
        Assert.Equal(10_000, stats.Memories.Single().Segments);
        // The server keeps serving, and the committed pairs are matched.
        var lookup = await Client.LookupAsync(new LookupRequest { Memory = "tmx-truncated", Text = "문장 9999번" });
        Assert.Equal("Sentence 9999.", lookup.Matches[0].Target);
    }

    [Fact]
    public async Task TMX_with_an_external_entity_is_invalid_and_stores_nothing()
    {
        var xxe = Encoding.UTF8.GetBytes("""
            <?xml version="1.0"?>
            <!DOCTYPE tmx [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <tmx version="1.4"><header/><body><tu><tuv xml:lang="ko"><seg>&xxe;</seg></tuv><tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>
            """);

        var error = await Assert.ThrowsAsync<RpcException>(() => Import("tmx-xxe", "xxe.tmx", xxe));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("xxe.tmx", error.Status.Detail);
        Assert.Contains("DOCTYPE", error.Status.Detail);
        Assert.Contains("Nothing from this file was stored", error.Status.Detail);
        var missing = await Assert.ThrowsAsync<RpcException>(() => Client.GetStatsAsync(new GetStatsRequest { Memory = "tmx-xxe" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Segment_with_inline_tags_scores_100_against_the_same_text_with_or_without_them_and_comes_back_with_them()
    {
        await Import("tmx-lookup", Trados, Fixture(Trados));

        var plain = await Client.LookupAsync(new LookupRequest { Memory = "tmx-lookup", Text = "훈민정음은 1443년에 창제되었다." });
        var tagged = await Client.LookupAsync(new LookupRequest { Memory = "tmx-lookup", Text = "\uE000훈민정음\uE001은 1443년에 창제되었다." });
        var english = await Client.LookupAsync(new LookupRequest { Memory = "tmx-lookup", Text = "Hunminjeongeum was created in 1443.", SourceLang = "en" });

        Assert.Equal(100, plain.Matches[0].Score);
        // Plain text for people, the tags in TMX inline form for a CAT tool to restore: no placeholder characters.
        Assert.Equal("훈민정음은 1443년에 창제되었다.", plain.Matches[0].Source);
        Assert.Equal("""<bpt i="1" type="bold" x="1">&lt;b&gt;</bpt>훈민정음<ept i="1">&lt;/b&gt;</ept>은 1443년에 창제되었다.""", plain.Matches[0].SourceTmx);
        Assert.DoesNotContain(plain.Matches[0].Target, InlinePlaceholder.IsPlaceholder);
        Assert.Contains("<bpt", english.Matches[0].SourceTmx, StringComparison.Ordinal);
        var found = (await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "tmx-lookup", Term = "1443년" })).Hits.Single();
        Assert.Equal("훈민정음은 1443년에 창제되었다.", found.Ko);
        Assert.Equal(plain.Matches[0].SourceTmx, found.KoTmx);
        Assert.Equal(plain.Matches[0].TargetTmx, found.EnTmx);
        Assert.Equal(100, tagged.Matches[0].Score);
        Assert.Equal(100, english.Matches[0].Score);
        Assert.Equal(Trados, plain.Matches[0].Origin);
    }

    [Fact]
    public async Task ListImports_shows_each_import_with_its_kind_name_and_counts()
    {
        var response = await Import("tmx-list", Trados, Fixture(Trados));
        await Client.ImportDocumentAsync(new ImportDocumentRequest
        {
            Memory = "tmx-list",
            Name = "1950.txt",
            Text = "1950년 6월 25일 북한군이 38선을 넘어 남침하였다.\n\nOn 25 June 1950 the North Korean army crossed the 38th parallel.\n",
        });

        var imports = (await Client.ListImportsAsync(new ListImportsRequest { Memory = "tmx-list" })).Imports;
        var all = (await Client.ListImportsAsync(new ListImportsRequest())).Imports;

        Assert.Equal(["tmx", "document"], imports.Select(i => i.Kind));
        Assert.Equal([Trados, "1950.txt"], imports.Select(i => i.Name));
        Assert.All(imports, i => Assert.Equal("tmx-list", i.Memory));
        Assert.Equal(response.PairsStored, imports[0].PairsStored);
        Assert.True(imports[0].ImportId < imports[1].ImportId);
        Assert.Matches(new Regex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"), imports[0].Created);
        Assert.Contains(all, i => i.ImportId == imports[0].ImportId);
        Assert.Contains(all, i => i.Memory != "tmx-list");
    }

    [Fact]
    public async Task Export_and_ListImports_of_an_unknown_memory_are_not_found()
    {
        var export = await Assert.ThrowsAsync<RpcException>(() => Export("no-such-memory"));
        var list = await Assert.ThrowsAsync<RpcException>(() => Client.ListImportsAsync(new ListImportsRequest { Memory = "no-such-memory" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, export.StatusCode);
        Assert.Equal(StatusCode.NotFound, list.StatusCode);
    }

    [Fact]
    public async Task Pairs_imported_without_markup_export_as_plain_units_with_their_note()
    {
        using (var call = Client.ImportSegments())
        {
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = "tmx-plain", Ko = "정전 협정", En = "the armistice agreement", Note = "glossary" });
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        }

        var units = Read(await Export("tmx-plain")).Units;

        var unit = Assert.Single(units);
        Assert.Equal("정전 협정", unit.Korean);
        Assert.Equal("the armistice agreement", unit.English);
        Assert.Equal([new TmxNote("glossary")], unit.Notes);
    }
}
