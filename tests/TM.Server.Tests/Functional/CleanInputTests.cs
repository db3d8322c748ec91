using System.Text;
using Google.Protobuf;
using Grpc.Core;
using TM.Protos.V1;
using TM.Server.Tests.Imports;

namespace TM.Server.Tests.Functional;

/// <summary>
/// Input that would break the memory later is refused at the door, naming what and where, and stores nothing: characters
/// XML (so TMX export) cannot carry, oversized fields, names that read as paths. The memory still exports afterwards.
/// </summary>
public sealed class CleanInputTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private TranslationMemory.TranslationMemoryClient Client => server.Client;

    [Theory]
    [InlineData("ko", "정전\u0001협정", "U+0001")]
    [InlineData("en", "the armistice\uFFFE agreement", "U+FFFE")]
    [InlineData("note", "a note with a bell \u0007", "U+0007")]
    [InlineData("origin", "file\uFFFF.tsv", "U+FFFF")]
    public async Task Segments_with_characters_XML_cannot_carry_are_invalid_and_store_nothing(string field, string text, string named)
    {
        var memory = $"clean-{field}";
        var pair = new ImportSegmentsRequest { Memory = memory, Ko = "정전 협정", En = "the armistice agreement" };
        var bad = new ImportSegmentsRequest { Ko = "포로 교환", En = "the exchange of prisoners" };
        typeof(ImportSegmentsRequest).GetProperty(field == "ko" ? "Ko" : field == "en" ? "En" : field == "note" ? "Note" : "Origin")!.SetValue(bad, text);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ImportSegmentsAsync([pair, bad]));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("Message 2", error.Status.Detail);
        Assert.Contains($"'{field}'", error.Status.Detail);
        Assert.Contains(named, error.Status.Detail);
        await AssertNoMemoryAsync(memory);
        await AssertExportsAsync("");
    }

    [Fact]
    public async Task A_15_MB_origin_is_invalid_naming_the_field_and_the_limit()
    {
        var pair = new ImportSegmentsRequest { Memory = "huge-origin", Ko = "정전 협정", En = "the armistice agreement", Origin = new string('o', 15_000_000) };

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ImportSegmentsAsync([pair]));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("'origin'", error.Status.Detail);
        Assert.Contains("15,000,000", error.Status.Detail);
        Assert.Contains("1,000", error.Status.Detail);
        await AssertNoMemoryAsync("huge-origin");
    }

    [Fact]
    public async Task A_TSV_row_with_a_control_character_is_invalid_naming_its_line_and_leaves_no_memory()
    {
        var tsv = Encoding.UTF8.GetBytes("정전 협정\tthe armistice agreement\n포로\u0001교환\tthe exchange of prisoners\n");

        var result = await FileUploads.ImportFileAsync(Client, new ImportFileRequest { Memory = "clean-tsv", FileName = "pairs.tsv" }, tsv);

        Assert.Equal(StatusCode.InvalidArgument, result.Error?.StatusCode);
        Assert.Contains("line 2", result.Error!.Status.Detail);
        Assert.Contains("U+0001", result.Error.Status.Detail);
        await AssertNoMemoryAsync("clean-tsv");
        var imports = await Client.ListImportsAsync(new ListImportsRequest());
        Assert.DoesNotContain(imports.Imports, i => i.Memory == "clean-tsv");
    }

    [Fact]
    public async Task A_failed_import_into_a_memory_that_has_data_is_recorded_and_keeps_it()
    {
        await Client.ImportSegmentsAsync([new ImportSegmentsRequest { Memory = "kept", Ko = "정전 협정", En = "the armistice agreement" }]);
        var tsv = Encoding.UTF8.GetBytes("포로\u0001교환\tthe exchange of prisoners\n");

        var result = await FileUploads.ImportFileAsync(Client, new ImportFileRequest { Memory = "kept", FileName = "bad.tsv" }, tsv);
        var imports = await Client.ListImportsAsync(new ListImportsRequest { Memory = "kept" });

        Assert.Equal(StatusCode.InvalidArgument, result.Error?.StatusCode);
        Assert.Contains(imports.Imports, i => i.Name == "bad.tsv" && i.Status == "failed");
    }

    [Theory]
    [InlineData("../../etc")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    public async Task A_new_memory_whose_name_breaks_the_rule_is_refused_before_anything_is_read(string name)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ImportSegmentsAsync([new ImportSegmentsRequest { Memory = name, Ko = "정전 협정", En = "the armistice agreement" }]));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("letters, digits, spaces, '-', '_' or '.'", error.Status.Detail);
        await AssertNoMemoryAsync(name);
    }

    [Fact]
    public async Task A_new_memory_may_be_named_in_Korean_with_spaces()
    {
        var response = await Client.ImportSegmentsAsync([new ImportSegmentsRequest { Memory = "한국전쟁 초록 2024", Ko = "정전 협정", En = "the armistice agreement" }]);

        Assert.Equal(1, response.PairsStored);
    }

    [Fact]
    public async Task A_document_with_U_FFFE_is_invalid_and_stores_nothing()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ImportDocumentAsync(new ImportDocumentRequest
        {
            Memory = "clean-document",
            Name = "doc.txt",
            Text = "1950년 6월 25일 북한군이 남침하였다.\uFFFE\n\nOn 25 June 1950 the North Korean army invaded the South.\n",
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("U+FFFE", error.Status.Detail);
        await AssertNoMemoryAsync("clean-document");
    }

    private async Task AssertNoMemoryAsync(string memory)
    {
        var stats = await Client.GetStatsAsync(new GetStatsRequest());
        Assert.DoesNotContain(stats.Memories, m => m.Memory == memory);
    }

    private async Task AssertExportsAsync(string memory)
    {
        using var call = Client.ExportTmx(new ExportTmxRequest { Memory = memory });
        var bytes = new List<byte>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
            bytes.AddRange(call.ResponseStream.Current.Chunk.ToByteArray());
        Assert.EndsWith("</tmx>", Encoding.UTF8.GetString([.. bytes]).TrimEnd());
    }
}
