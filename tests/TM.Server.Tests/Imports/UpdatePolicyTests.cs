using System.Text;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Grpc.Core;
using TM.Protos.V1;
using TM.Server.Memory;

namespace TM.Server.Tests.Imports;

/// <summary>Update policies on every import path, the import records ListImports shows, and concordance right after a bulk import.</summary>
public sealed class UpdatePolicyTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Source = "포로 송환 협정이 서명되었다.";

    private TranslationMemory.TranslationMemoryClient Client => server.Client;

    private async Task<ImportSegmentsResponse> Segments(string memory, UpdatePolicy policy, params (string Ko, string En)[] pairs)
    {
        using var call = Client.ImportSegments();
        await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = memory, UpdatePolicy = policy, ImportName = "pairs" });
        foreach (var (ko, en) in pairs)
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Ko = ko, En = en });
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    private async Task<LookupResponse> Lookup(string memory, string text, string lang = "ko") =>
        // Alternatives take the multiple-translations penalty (99); these tests count what is stored, at 100.
        await Client.LookupAsync(new LookupRequest { Memory = memory, Text = text, SourceLang = lang, MinScore = 100, MaxResults = 10, Penalties = new MatchPenalties { MultipleTranslations = 0 } });

    [Fact]
    public async Task Add_alternative_is_the_default_and_keeps_both_translations()
    {
        await Segments("policy-add", UpdatePolicy.Unspecified, (Source, "The repatriation agreement was signed."));

        var second = await Segments("policy-add", UpdatePolicy.Unspecified, (Source, "The POW repatriation accord was signed."));

        Assert.Equal(1, second.PairsStored);
        Assert.Equal(2, (await Lookup("policy-add", Source)).Matches.Count);
    }

    [Fact]
    public async Task Keep_existing_leaves_the_stored_translation_and_counts_the_new_one()
    {
        await Segments("policy-keep", UpdatePolicy.AddAlternative, (Source, "The repatriation agreement was signed."));

        var second = await Segments("policy-keep", UpdatePolicy.KeepExisting, (Source, "The POW repatriation accord was signed."));

        Assert.Equal(0, second.PairsStored);
        Assert.Equal(1, second.PairsKeptExisting);
        var match = Assert.Single((await Lookup("policy-keep", Source)).Matches);
        Assert.Equal("The repatriation agreement was signed.", match.Target);
    }

    [Fact]
    public async Task Overwrite_from_a_file_replaces_the_oldest_translation_in_place_and_removes_the_others()
    {
        await Segments("policy-over", UpdatePolicy.AddAlternative,
            (Source, "The repatriation agreement was signed."), (Source, "The POW accord was signed."), ("정전 협정", "the armistice agreement"));
        var oldest = (await Lookup("policy-over", Source)).Matches.Select(m => long.Parse(m.SegmentId, System.Globalization.CultureInfo.InvariantCulture)).Min();
        var header = FileUploads.Header("policy-over", "fix.tsv");
        header.UpdatePolicy = UpdatePolicy.Overwrite;

        var result = await FileUploads.ImportFileAsync(Client, header, Encoding.UTF8.GetBytes($"ko\ten\n{Source}\tThe prisoner repatriation agreement was signed.\n"));

        Assert.Null(result.Error);
        Assert.Equal(1, result.Last.PairsUpdated);
        Assert.Equal(0, result.Last.PairsStored);
        var match = Assert.Single((await Lookup("policy-over", Source)).Matches);
        Assert.Equal("The prisoner repatriation agreement was signed.", match.Target);
        Assert.Equal(oldest.ToString(System.Globalization.CultureInfo.InvariantCulture), match.SegmentId);
        Assert.Equal("fix.tsv", match.Origin);
        // The index followed the update: the new English side is found, the old one is gone.
        Assert.Single((await Lookup("policy-over", "The prisoner repatriation agreement was signed.", "en")).Matches);
        Assert.Empty((await Lookup("policy-over", "The POW accord was signed.", "en")).Matches);
        var stats = await Client.GetStatsAsync(new GetStatsRequest { Memory = "policy-over" });
        Assert.Equal(2, stats.Memories.Single().Segments);
    }

    [Fact]
    public async Task TMX_srclang_english_makes_overwrite_compare_the_English_side()
    {
        await Segments("policy-srclang", UpdatePolicy.AddAlternative, ("휴전 협정", "the armistice agreement"));
        var tmx = Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><tmx version=\"1.4\"><header srclang=\"en-US\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" datatype=\"plaintext\" creationtool=\"t\" creationtoolversion=\"1\"/><body>" +
            "<tu><tuv xml:lang=\"en-US\"><seg>the armistice agreement</seg></tuv><tuv xml:lang=\"ko-KR\"><seg>정전 협정</seg></tuv></tu></body></tmx>");

        using var call = Client.ImportTmx();
        await call.RequestStream.WriteAsync(new ImportTmxRequest { Memory = "policy-srclang", FileName = "en.tmx", UpdatePolicy = UpdatePolicy.Overwrite, Chunk = ByteString.CopyFrom(tmx) });
        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;

        Assert.Equal(1, response.PairsUpdated);
        var match = Assert.Single((await Lookup("policy-srclang", "the armistice agreement", "en")).Matches);
        Assert.Equal("정전 협정", match.Target);
    }

    [Fact]
    public async Task Source_lang_ko_overrides_the_TMX_srclang()
    {
        await Segments("policy-override", UpdatePolicy.AddAlternative, ("휴전 협정", "the armistice agreement"));
        var tmx = Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><tmx version=\"1.4\"><header srclang=\"en\"/><body>" +
            "<tu><tuv xml:lang=\"en\"><seg>the armistice agreement</seg></tuv><tuv xml:lang=\"ko\"><seg>정전 협정</seg></tuv></tu></body></tmx>");
        var header = FileUploads.Header("policy-override", "en.tmx");
        header.UpdatePolicy = UpdatePolicy.KeepExisting;
        header.SourceLang = "ko";

        var result = await FileUploads.ImportFileAsync(Client, header, tmx);

        // Compared on Korean, 정전 협정 is a new source: stored, not kept.
        Assert.Equal(1, result.Last.PairsStored);
        Assert.Equal(0, result.Last.PairsKeptExisting);
    }

    [Fact]
    public async Task Document_import_honours_keep_existing_and_names_its_record()
    {
        const string document = "1950년 6월 25일 북한군이 38선을 넘어 남침하였다.\n\nOn 25 June 1950 the North Korean army crossed the 38th parallel.\n";
        await Client.ImportDocumentAsync(new ImportDocumentRequest { Memory = "policy-doc", Name = "a.txt", Text = document });

        var second = await Client.ImportDocumentAsync(new ImportDocumentRequest
        {
            Memory = "policy-doc",
            Name = "b.txt",
            Text = document.Replace("crossed the 38th parallel", "invaded across the 38th parallel", StringComparison.Ordinal),
            UpdatePolicy = UpdatePolicy.KeepExisting,
        });

        Assert.Equal(0, second.PairsStored);
        Assert.Equal(1, second.PairsKeptExisting);
        var record = (await Client.ListImportsAsync(new ListImportsRequest { Memory = "policy-doc" })).Imports.Single(i => i.ImportId == second.ImportId);
        Assert.Equal("b.txt", record.Name);
        Assert.Equal("keep_existing", record.UpdatePolicy);
        Assert.Equal(1, record.PairsKeptExisting);
    }

    [Fact]
    public async Task ListImports_shows_one_completed_record_per_file_with_its_policy_batches_and_times()
    {
        var header = FileUploads.Header("policy-list", "list.tmx");
        header.UpdatePolicy = UpdatePolicy.Overwrite;
        var result = await FileUploads.ImportFileAsync(Client, header, TestFiles.Tmx(12_000));

        var record = Assert.Single((await Client.ListImportsAsync(new ListImportsRequest { Memory = "policy-list" })).Imports);

        Assert.Equal(result.Last.ImportId, record.ImportId);
        Assert.Equal("tmx", record.Kind);
        Assert.Equal("list.tmx", record.Name);
        Assert.Equal("completed", record.Status);
        Assert.Equal("overwrite", record.UpdatePolicy);
        Assert.Equal(12_000, record.PairsStored);
        Assert.Equal(12_000, record.UnitsCommitted);
        Assert.Equal(3, record.Batches);
        Assert.Equal("", record.Message);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", record.Finished);
        Assert.True(string.CompareOrdinal(record.Created, record.Finished) <= 0);
    }

    [Fact]
    public async Task Invalid_source_lang_on_ImportSegments_is_invalid_and_stores_nothing()
    {
        using var call = Client.ImportSegments();
        await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = "policy-bad-lang", SourceLang = "japanese", Ko = "정전", En = "armistice" });
        await call.RequestStream.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("source_lang", error.Status.Detail);
    }

    [Fact]
    public async Task Every_pair_of_a_bulk_import_is_found_by_concordance_the_moment_the_import_completes()
    {
        await FileUploads.ImportFileAsync(Client, FileUploads.Header("policy-fts", "fts.tmx"), TestFiles.Tmx(6_000));

        var last = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "policy-fts", Term = "문장 5999번" });
        var all = await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "policy-fts", Term = "문장", MaxResults = 1 });
        var stats = await Client.GetStatsAsync(new GetStatsRequest { Memory = "policy-fts" });

        Assert.Equal(1, last.Total);
        Assert.Equal(6_000, all.Total);
        Assert.Equal(0, stats.Memories.Single().ConcordancePending);
    }
}
