using System.Text;
using System.Text.RegularExpressions;
using Grpc.Core;
using TM.Protos.V1;

namespace TM.Server.Tests.Imports;

/// <summary>ImportFile against the real server: acknowledgments, formats, damaged files, resuming.</summary>
public sealed class ImportFileTests(SmallBatchServer server) : IClassFixture<SmallBatchServer>
{
    private const int Batch = SmallBatchServer.BatchSize;

    private TranslationMemory.TranslationMemoryClient Client => server.Client;

    // Note for breaking calls: the TMX reader looks at the first 64 KB before it parses (for a DOCTYPE), so a call
    // that sends only part of a file must send more than that to see any commit.
    private Task<UploadResult> Import(ImportFileRequest header, byte[] file, int chunkSize = 4096, Func<ImportProgress, bool>? breakAfter = null, int? sendOnly = null) =>
        FileUploads.ImportFileAsync(Client, header, file, chunkSize, breakAfter, sendOnly);

    private async Task<long> Segments(string memory) =>
        (await Client.GetStatsAsync(new GetStatsRequest { Memory = memory })).Memories.Single().Segments;

    private async Task<TM.Protos.V1.ImportRecord> Record(long importId) =>
        (await Client.ListImportsAsync(new ListImportsRequest())).Imports.Single(i => i.ImportId == importId);

    [Fact]
    public async Task Every_committed_batch_is_acknowledged_and_the_last_message_says_completed()
    {
        var file = TestFiles.Tmx(250);

        var result = await Import(FileUploads.Header("file-acks", "acks.tmx"), file);

        Assert.Null(result.Error);
        // The first message comes as soon as the import has its record, before anything is committed.
        Assert.Equal([0L, 100L, 200L, 250L, 250L], result.Progress.Select(p => p.UnitsCommitted));
        Assert.Equal([false, false, false, false, true], result.Progress.Select(p => p.Completed));
        Assert.Equal([0, 1, 2, 3, 3], result.Progress.Select(p => p.BatchesCommitted));
        Assert.NotEqual(0, result.Progress[0].ImportId);
        Assert.All(result.Progress, p => Assert.Equal(result.Last.ImportId, p.ImportId));
        Assert.Equal(250, result.Last.PairsStored);
        Assert.Equal(250, result.Last.UnitsRead);
        Assert.Equal(file.Length, result.Last.BytesReceived);
        Assert.Equal(0, result.Last.UnitsResumed);
        Assert.Equal(250, await Segments("file-acks"));
        // Completed also means searchable.
        var lookup = await Client.LookupAsync(new LookupRequest { Memory = "file-acks", Text = TestFiles.Korean(249) });
        Assert.Equal(TestFiles.English(249), lookup.Matches[0].Target);
    }

    [Fact]
    public async Task Each_acknowledgment_counts_only_what_is_already_stored()
    {
        var seen = new List<(long Committed, long Stored)>();

        var result = await Import(FileUploads.Header("file-durable", "durable.tmx"), TestFiles.Tmx(500), chunkSize: 1024, breakAfter: p =>
        {
            // Read the store while the import goes on: the acknowledged pairs must be there already.
            var stats = Client.GetStatsAsync(new GetStatsRequest { Memory = "file-durable" }).ResponseAsync.GetAwaiter().GetResult();
            seen.Add((p.PairsStored, stats.Memories.Single().Segments));
            return false;
        });

        Assert.Null(result.Error);
        Assert.All(seen, s => Assert.True(s.Stored >= s.Committed, $"{s.Committed} acknowledged but {s.Stored} stored"));
    }

    [Theory]
    [InlineData("pairs.tsv", "")]
    [InlineData("pairs.txt", "tsv")]
    [InlineData("pairs", "")]
    public async Task TSV_is_read_by_extension_by_format_or_by_its_first_bytes(string fileName, string format)
    {
        var memory = "file-tsv-" + fileName.Replace('.', '-') + format;

        var result = await Import(FileUploads.Header(memory, fileName, format), TestFiles.Tsv(150));

        Assert.Null(result.Error);
        Assert.True(result.Last.Completed);
        Assert.Equal(150, result.Last.PairsStored);
        Assert.Equal(150, result.Last.UnitsCommitted);
        var lookup = await Client.LookupAsync(new LookupRequest { Memory = memory, Text = TestFiles.English(7), SourceLang = "en" });
        Assert.Equal(TestFiles.Korean(7), lookup.Matches[0].Target);
        Assert.Equal(fileName, lookup.Matches[0].Origin);
    }

    [Fact]
    public async Task CSV_with_quoted_commas_and_English_first_is_sniffed_and_stored()
    {
        var result = await Import(FileUploads.Header("file-csv", "export"), TestFiles.Csv(120));

        Assert.Null(result.Error);
        Assert.Equal(120, result.Last.PairsStored);
        var lookup = await Client.LookupAsync(new LookupRequest { Memory = "file-csv", Text = TestFiles.Korean(3) });
        Assert.Equal("Sentence 3 is an armistice, signed, record.", lookup.Matches[0].Target);
    }

    [Fact]
    public async Task File_whose_format_cannot_be_told_is_invalid()
    {
        var result = await Import(FileUploads.Header("file-unknown", "notes"), Encoding.UTF8.GetBytes("just one line of text\n"));

        Assert.Equal(StatusCode.InvalidArgument, result.Error?.StatusCode);
        Assert.Contains("format", result.Error!.Status.Detail);
        Assert.Empty(result.Progress);
    }

    [Fact]
    public async Task Unknown_format_name_is_invalid()
    {
        var result = await Import(FileUploads.Header("file-xliff", "a.xlf", "xliff"), TestFiles.Tmx(1));

        Assert.Equal(StatusCode.InvalidArgument, result.Error?.StatusCode);
        Assert.Contains("xliff", result.Error!.Status.Detail);
    }

    [Fact]
    public async Task Damaged_file_is_invalid_with_its_line_keeps_the_acknowledged_batches_and_records_the_failure()
    {
        // Unit 234 (line 239) lacks its closing </seg>: batches 1 and 2 (units 0..199) commit, the third does not.
        var text = Encoding.UTF8.GetString(TestFiles.Tmx(300));
        var damaged = text.Replace(TestFiles.English(234) + "</seg>", TestFiles.English(234), StringComparison.Ordinal);

        var result = await Import(FileUploads.Header("file-damaged", "damaged.tmx"), Encoding.UTF8.GetBytes(damaged));

        Assert.Equal(StatusCode.InvalidArgument, result.Error?.StatusCode);
        var detail = result.Error!.Status.Detail;
        Assert.Contains("damaged.tmx", detail);
        Assert.Matches(new Regex($@"line {TestFiles.TmxLineOf(234)}\b"), detail);
        Assert.Contains("200 units", detail);
        Assert.Equal([0L, 100L, 200L], result.Progress.Select(p => p.UnitsCommitted));
        Assert.Equal(200, await Segments("file-damaged"));
        var record = await Record(result.Progress[0].ImportId);
        Assert.Equal("failed", record.Status);
        Assert.Contains($"line {TestFiles.TmxLineOf(234)}", record.Message);
        Assert.Equal(200, record.UnitsCommitted);
        Assert.NotEqual("", record.Finished);
        // The server keeps serving.
        var lookup = await Client.LookupAsync(new LookupRequest { Memory = "file-damaged", Text = TestFiles.Korean(150) });
        Assert.Equal(TestFiles.English(150), lookup.Matches[0].Target);
    }

    [Fact]
    public async Task File_that_is_not_TMX_at_all_stores_nothing_and_records_nothing()
    {
        var before = (await Client.ListImportsAsync(new ListImportsRequest())).Imports.Count;

        var result = await Import(FileUploads.Header("file-garbage", "garbage.tmx"), Encoding.UTF8.GetBytes("<html><body>not a tmx</body></html>"));

        Assert.Equal(StatusCode.InvalidArgument, result.Error?.StatusCode);
        Assert.Contains("Nothing from this file was stored", result.Error!.Status.Detail);
        Assert.Equal(before, (await Client.ListImportsAsync(new ListImportsRequest())).Imports.Count);
    }

    [Fact]
    public async Task Broken_upload_resumed_with_the_same_file_stores_every_pair_exactly_once()
    {
        var file = TestFiles.Tmx(1_000);
        var broken = await Import(FileUploads.Header("file-resume", "big.tmx"), file, chunkSize: 1024, breakAfter: p => p.UnitsCommitted >= 300, sendOnly: 100_000);
        var importId = broken.Last.ImportId;
        var acknowledged = broken.Last.UnitsCommitted;
        await WaitForStatus(importId, "interrupted");

        var header = FileUploads.Header("file-resume", "big.tmx");
        header.ResumeImportId = importId;
        var resumed = await Import(header, file);

        Assert.Null(resumed.Error);
        Assert.True(resumed.Last.Completed);
        Assert.Equal(importId, resumed.Last.ImportId);
        Assert.Equal(1_000, resumed.Last.UnitsCommitted);
        Assert.Equal(1_000, resumed.Last.PairsStored);
        Assert.Equal(0, resumed.Last.PairsSkippedDuplicate);
        Assert.True(resumed.Last.UnitsResumed >= acknowledged);
        Assert.Equal(1_000, resumed.Last.UnitsRead);
        Assert.Equal(1_000, await Segments("file-resume"));
        var record = await Record(importId);
        Assert.Equal("completed", record.Status);
        Assert.Equal(1_000, record.PairsStored);
        Assert.Equal(1_000, record.UnitsCommitted);
        Assert.Single((await Client.ListImportsAsync(new ListImportsRequest { Memory = "file-resume" })).Imports);
    }

    [Fact]
    public async Task Resuming_an_unknown_import_is_not_found()
    {
        var header = FileUploads.Header("", "x.tmx");
        header.ResumeImportId = 987_654_321;

        var result = await Import(header, TestFiles.Tmx(1));

        Assert.Equal(StatusCode.NotFound, result.Error?.StatusCode);
    }

    [Fact]
    public async Task Resuming_a_completed_import_is_a_failed_precondition()
    {
        var first = await Import(FileUploads.Header("file-done", "done.tmx"), TestFiles.Tmx(10));
        var header = FileUploads.Header("file-done", "done.tmx");
        header.ResumeImportId = first.Last.ImportId;

        var result = await Import(header, TestFiles.Tmx(10));

        Assert.Equal(StatusCode.FailedPrecondition, result.Error?.StatusCode);
        Assert.Equal(10, await Segments("file-done"));
    }

    [Fact]
    public async Task Resuming_into_another_memory_is_invalid()
    {
        var broken = await Import(FileUploads.Header("file-mem-a", "a.tmx"), TestFiles.Tmx(1_000), chunkSize: 1024, breakAfter: p => p.UnitsCommitted >= 100, sendOnly: 100_000);
        await WaitForStatus(broken.Last.ImportId, "interrupted");
        var header = FileUploads.Header("file-mem-b", "a.tmx");
        header.ResumeImportId = broken.Last.ImportId;

        var result = await Import(header, TestFiles.Tmx(1_000));

        Assert.Equal(StatusCode.InvalidArgument, result.Error?.StatusCode);
        Assert.Contains("file-mem-a", result.Error!.Status.Detail);
    }

    [Fact]
    public async Task Resuming_with_a_shorter_file_is_invalid_and_leaves_the_import_resumable()
    {
        var broken = await Import(FileUploads.Header("file-short", "s.tmx"), TestFiles.Tmx(1_000), chunkSize: 1024, breakAfter: p => p.UnitsCommitted >= 300, sendOnly: 100_000);
        await WaitForStatus(broken.Last.ImportId, "interrupted");
        var header = FileUploads.Header("file-short", "s.tmx");
        header.ResumeImportId = broken.Last.ImportId;

        var shorter = await Import(header, TestFiles.Tmx(50));
        var resumed = await Import(header, TestFiles.Tmx(1_000));

        Assert.Equal(StatusCode.InvalidArgument, shorter.Error?.StatusCode);
        Assert.Contains("not the file", shorter.Error!.Status.Detail);
        Assert.Null(resumed.Error);
        Assert.Equal(1_000, await Segments("file-short"));
    }

    [Fact]
    public async Task Resuming_with_another_file_as_long_is_invalid_and_stores_nothing_of_it()
    {
        var broken = await Import(FileUploads.Header("file-other", "o.tmx"), TestFiles.Tmx(1_000), chunkSize: 1024, breakAfter: p => p.UnitsCommitted >= 300, sendOnly: 100_000);
        await WaitForStatus(broken.Last.ImportId, "interrupted");
        var committed = await Segments("file-other");
        var header = FileUploads.Header("file-other", "o.tmx");
        header.ResumeImportId = broken.Last.ImportId;

        // Same number of units, other sentences: a count alone would take its first units for the committed ones.
        var other = await Import(header, TestFiles.Tmx(1_000, first: 5_000));
        var afterOther = await Segments("file-other");
        var resumed = await Import(header, TestFiles.Tmx(1_000));

        Assert.Equal(StatusCode.InvalidArgument, other.Error?.StatusCode);
        Assert.Contains("not the file", other.Error!.Status.Detail);
        Assert.Equal(committed, afterOther);
        Assert.Null(resumed.Error);
        Assert.Equal(1_000, await Segments("file-other"));
    }

    [Theory]
    [InlineData("source_lang")]
    [InlineData("update_policy")]
    [InlineData("total_bytes")]
    public async Task Invalid_settings_are_rejected_before_anything_is_stored(string field)
    {
        var header = FileUploads.Header("file-bad-" + field.Replace('_', '-'), "a.tmx");
        switch (field)
        {
            case "source_lang": header.SourceLang = "fr"; break;
            case "update_policy": header.UpdatePolicy = (UpdatePolicy)42; break;
            default: header.TotalBytes = -1; break;
        }

        var result = await Import(header, TestFiles.Tmx(5));

        Assert.Equal(StatusCode.InvalidArgument, result.Error?.StatusCode);
        Assert.Contains(field, result.Error!.Status.Detail);
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetStatsAsync(new GetStatsRequest { Memory = header.Memory }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Reimporting_the_same_file_adds_nothing_and_says_so()
    {
        var file = TestFiles.Tsv(130);
        await Import(FileUploads.Header("file-twice", "t.tsv"), file);

        var again = await Import(FileUploads.Header("file-twice", "t.tsv"), file);

        Assert.Equal(0, again.Last.PairsStored);
        Assert.Equal(130, again.Last.PairsSkippedDuplicate);
        Assert.Equal(130, await Segments("file-twice"));
    }

    [Fact]
    public async Task Units_that_are_not_Korean_English_pairs_are_counted_as_skipped_and_committed()
    {
        var tmx = Encoding.UTF8.GetString(TestFiles.Tmx(3)).Replace("</body>",
            "<tu><tuv xml:lang=\"fr\"><seg>Bonjour</seg></tuv><tuv xml:lang=\"de\"><seg>Hallo</seg></tuv></tu>\n" +
            "<tu><tuv xml:lang=\"ko\"><seg>한국어만</seg></tuv></tu>\n</body>", StringComparison.Ordinal);

        var result = await Import(FileUploads.Header("file-skipped", "mixed.tmx"), Encoding.UTF8.GetBytes(tmx));

        Assert.Null(result.Error);
        Assert.Equal(5, result.Last.UnitsRead);
        Assert.Equal(5, result.Last.UnitsCommitted);
        Assert.Equal(2, result.Last.UnitsSkipped);
        Assert.Equal(3, result.Last.PairsStored);
    }

    [Fact]
    public async Task OmegaT_project_memory_imports_through_ImportFile_with_the_readers_counts()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "tests", "TM.Interchange.Tests", "Fixtures", "omegat-project_save.tmx"));
        using var reader = new TM.Interchange.TmxReader(new MemoryStream(bytes));
        var units = reader.ReadUnits().ToList();

        var result = await Import(FileUploads.Header("file-omegat", "project_save.tmx"), bytes, chunkSize: 61);

        Assert.Null(result.Error);
        Assert.True(result.Last.Completed);
        Assert.Equal(units.Count + reader.Statistics.UnitsSkipped, result.Last.UnitsRead);
        Assert.Equal(reader.Statistics.UnitsSkipped, result.Last.UnitsSkipped);
        Assert.Equal(units.DistinctBy(u => (u.Korean, u.English)).Count(), result.Last.PairsStored);
        var lookup = await Client.LookupAsync(new LookupRequest { Memory = "file-omegat", Text = units[0].Korean });
        Assert.Equal(units[0].English, lookup.Matches[0].Target);
    }

    private async Task WaitForStatus(long importId, string status)
    {
        // The server notices a broken call asynchronously; not a timing assertion, a bounded wait for a state.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if ((await Record(importId)).Status == status)
                return;
            await Task.Delay(50);
        }
        Assert.Equal(status, (await Record(importId)).Status);
    }
}
