using System.Text;
using Grpc.Core;
using TM.Interchange;
using TM.Protos.V1;
using TM.Server.Tests.Imports;

namespace TM.Server.Tests.Functional;

/// <summary>
/// A reviewer's day with a memory, through the real server with API keys: a memory created with fields, a TMX with
/// props imported into it, one pair fixed, one deleted, one added, the memory renamed, then exported. A Lookup after
/// every step sees it, and the export carries the fix, the fields and who did what.
/// </summary>
public sealed class ReviewerWorkflowTests : IAsyncLifetime
{
    private const string AdminSecret = "tm_workflow-admin-secret-0123456789ab";

    private const string Tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
          <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="ko" datatype="plaintext"/>
          <body>
            <tu creationdate="20240110T090000Z" creationid="translator-lee">
              <prop type="x-journal:SingleString">군사사연구</prop>
              <prop type="x-domain">armistice</prop>
              <prop type="x-Client">KIMH</prop>
              <tuv xml:lang="ko"><seg>정전협정은 1953년 7월 27일 판문점에서 체결되었다.</seg></tuv>
              <tuv xml:lang="en"><seg>The Armistice Agreement was signed at Panmunjom on 27 July 1953.</seg></tuv>
            </tu>
            <tu creationdate="20240110T090500Z" creationid="translator-lee">
              <prop type="journal">군사사연구</prop>
              <prop type="x-domain">war</prop>
              <tuv xml:lang="ko"><seg>김일성은 스탈린의 동의를 얻어 전쟁을 시작하였다.</seg></tuv>
              <tuv xml:lang="en"><seg>Kim Il-sung started the war with the consent of Staline.</seg></tuv>
            </tu>
            <tu>
              <prop type="x-domain">not-a-choice</prop>
              <tuv xml:lang="ko"><seg>이 문장은 잘못 정렬되었다.</seg></tuv>
              <tuv xml:lang="en"><seg>The talks resumed in October.</seg></tuv>
            </tu>
          </body>
        </tmx>
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("tm-reviewer-").FullName;
    private RunningServer _server = null!;
    private Metadata _reviewer = null!;
    private Metadata _admin = null!;

    public async Task InitializeAsync()
    {
        var keyFile = Path.Combine(_directory, "admin.key");
        await File.WriteAllTextAsync(keyFile, AdminSecret + "\n");
        _server = await RunningServer.StartAsync(Path.Combine(_directory, "data"), "--no-seeds", "--admin-key-file", keyFile);
        _admin = With(AdminSecret);
        var key = await _server.Administration.CreateKeyAsync(new CreateKeyRequest { Name = "reviewer-kim", Role = KeyRole.Write }, _admin);
        _reviewer = With(key.Secret);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_reviewer_fixes_deletes_adds_and_renames_and_the_export_carries_all_of_it()
    {
        var client = _server.Client;
        await client.CreateMemoryAsync(new CreateMemoryRequest { Name = "armistice", Settings = Settings() }, _reviewer);

        var upload = await FileUploads.ImportFileAsync(client, FileUploads.Header("armistice", "kimh-2024.tmx"), Encoding.UTF8.GetBytes(Tmx), headers: _reviewer);
        Assert.Null(upload.Error);
        var signed = await BestAsync("armistice", "정전협정은 1953년 7월 27일 판문점에서 체결되었다.");
        Assert.Equal(["journal=군사사연구", "domain=armistice"], Fields(signed.Fields));
        var misaligned = await BestAsync("armistice", "이 문장은 잘못 정렬되었다.");
        Assert.Empty(misaligned.Fields); // "not-a-choice" does not fit the picklist: kept as a prop instead

        // Fix the typo and mark the pair reviewed.
        var typo = await BestAsync("armistice", "김일성은 스탈린의 동의를 얻어 전쟁을 시작하였다.");
        await client.UpdateSegmentAsync(new UpdateSegmentRequest
        {
            Memory = "armistice", SegmentId = typo.SegmentId, En = "Kim Il-sung started the war with the consent of Stalin.", Version = typo.Version,
            ReplaceFields = true, Fields = { Field("journal", "군사사연구"), Field("domain", "war"), Field("reviewed", "yes") },
        }, _reviewer);
        var fixedMatch = await BestAsync("armistice", "김일성은 스탈린의 동의를 얻어 전쟁을 시작하였다.");
        Assert.Equal("Kim Il-sung started the war with the consent of Stalin.", fixedMatch.Target);
        Assert.Equal("reviewer-kim", fixedMatch.ChangedBy);
        Assert.Contains("reviewed=yes", Fields(fixedMatch.Fields));

        // Delete the misaligned pair.
        await client.DeleteSegmentAsync(new DeleteSegmentRequest { Memory = "armistice", SegmentId = misaligned.SegmentId, Version = misaligned.Version }, _reviewer);
        Assert.Empty((await LookupAsync("armistice", "이 문장은 잘못 정렬되었다.")).Matches);

        // Add the pair it should have been.
        var added = await client.AddSegmentAsync(new AddSegmentRequest
        {
            Memory = "armistice", Ko = "회담은 10월에 재개되었다.", En = "The talks resumed in October.", Fields = { Field("domain", "Armistice"), Field("published", "2024-03-01") },
        }, _reviewer);
        Assert.Equal(["domain=armistice", "published=2024-03-01T00:00:00Z"], Fields(added.Fields));
        Assert.Equal("reviewer-kim", (await BestAsync("armistice", "회담은 10월에 재개되었다.")).CreatedBy);

        // Rename: the pairs follow, the old name is gone.
        await client.RenameMemoryAsync(new RenameMemoryRequest { Name = "armistice", NewName = "armistice-reviewed" }, _admin);
        Assert.Equal(fixedMatch.SegmentId, (await BestAsync("armistice-reviewed", "김일성은 스탈린의 동의를 얻어 전쟁을 시작하였다.")).SegmentId);

        var units = await ExportAsync("armistice-reviewed");
        Assert.Equal(
            ["정전협정은 1953년 7월 27일 판문점에서 체결되었다.", "김일성은 스탈린의 동의를 얻어 전쟁을 시작하였다.", "회담은 10월에 재개되었다."],
            units.Select(u => u.Korean));
        var exportedSigned = units[0];
        Assert.Equal(("translator-lee", new DateTimeOffset(2024, 1, 10, 9, 0, 0, TimeSpan.Zero)), (exportedSigned.CreationId, exportedSigned.CreationDate));
        Assert.Equal(["x-tm-origin=kimh-2024.tmx", "x-Client=KIMH", "x-journal=군사사연구", "x-domain=armistice"], Props(exportedSigned));
        var exportedFix = units[1];
        Assert.Equal("Kim Il-sung started the war with the consent of Stalin.", exportedFix.English);
        Assert.Equal(("translator-lee", "reviewer-kim"), (exportedFix.CreationId, exportedFix.ChangeId));
        Assert.NotNull(exportedFix.ChangeDate);
        Assert.Equal(["x-tm-origin=kimh-2024.tmx", "x-journal=군사사연구", "x-domain=war", "x-reviewed=yes"], Props(exportedFix));
        Assert.Equal("reviewer-kim", units[2].CreationId);
        Assert.Equal(["x-domain=armistice", "x-published=2024-03-01T00:00:00Z"], Props(units[2]));
    }

    [Fact]
    public async Task Fields_filter_lookup_concordance_and_listing_inside_the_search()
    {
        var client = _server.Client;
        await client.CreateMemoryAsync(new CreateMemoryRequest { Name = "filtered", Settings = Settings() }, _reviewer);
        await AddAsync("filtered", "휴전 회담이 개성에서 시작되었다.", "The armistice talks began at Kaesong.", Field("domain", "armistice"), Field("journal", "군사사연구"));
        await AddAsync("filtered", "휴전 회담이 개성에서 시작되었다고 한다.", "The armistice talks are said to have begun at Kaesong.", Field("domain", "war"));
        await AddAsync("filtered", "휴전 회담은 판문점으로 옮겨졌다.", "The armistice talks moved to Panmunjom.");

        var war = await client.LookupAsync(new LookupRequest { Memory = "filtered", Text = "휴전 회담이 개성에서 시작되었다.", Fields = { Field("domain", "WAR") } }, _reviewer);
        var either = await client.LookupAsync(new LookupRequest
        {
            Memory = "filtered", Text = "휴전 회담이 개성에서 시작되었다.", Fields = { Field("domain", "war"), Field("Domain", "armistice") },
        }, _reviewer);
        var both = await client.LookupAsync(new LookupRequest
        {
            Memory = "filtered", Text = "휴전 회담이 개성에서 시작되었다.", Fields = { Field("domain", "war"), Field("journal", "군사사연구") },
        }, _reviewer);
        var concordance = await client.ConcordanceAsync(new ConcordanceRequest { Memory = "filtered", Term = "휴전", Fields = { Field("domain", "armistice") } }, _reviewer);
        var listed = await client.ListSegmentsAsync(new ListSegmentsRequest { Memory = "filtered", Fields = { Field("journal", "군사사연구") } }, _reviewer);

        Assert.Equal("The armistice talks are said to have begun at Kaesong.", Assert.Single(war.Matches).Target);
        Assert.Equal(2, either.Matches.Count);
        Assert.Empty(both.Matches);
        Assert.Equal("The armistice talks began at Kaesong.", Assert.Single(concordance.Hits).En);
        Assert.Equal(["domain=armistice", "journal=군사사연구"], Fields(concordance.Hits[0].Fields).Order());
        Assert.Equal("휴전 회담이 개성에서 시작되었다.", Assert.Single(listed.Segments).Ko);
    }

    [Fact]
    public async Task A_field_penalty_puts_the_pairs_with_the_preferred_value_first_without_hiding_the_others()
    {
        var client = _server.Client;
        await client.CreateMemoryAsync(new CreateMemoryRequest { Name = "preferred", Settings = Settings() }, _reviewer);
        await AddAsync("preferred", "미국은 휴전을 원하였다.", "The United States wanted a ceasefire.", Field("journal", "한국사연구"));
        await AddAsync("preferred", "미국은 휴전을 원하였다.", "The US wanted an armistice.", Field("journal", "군사사연구"));
        var penalties = new MatchPenalties { MultipleTranslations = 1, Fields = { new FieldPenalty { Field = "journal", Value = "군사사연구", Points = 5 } } };

        var matches = (await client.LookupAsync(new LookupRequest { Memory = "preferred", Text = "미국은 휴전을 원하였다.", Penalties = penalties }, _reviewer)).Matches;

        Assert.Equal(["The US wanted an armistice.", "The United States wanted a ceasefire."], matches.Select(m => m.Target));
        Assert.Equal([99.0, 94.0], matches.Select(m => m.Score));
        Assert.Contains(matches[1].Penalties, p => p.Reason == "field:journal" && p.Points == 5);
    }

    [Theory]
    [InlineData("colour", "red", "has no field 'colour'")]
    [InlineData("domain", "peace", "'peace' is not one of its choices")]
    [InlineData("published", "last spring", "is not a date")]
    [InlineData("pages", "twelve", "is not a number")]
    public async Task A_value_that_does_not_fit_a_field_is_refused_and_nothing_is_stored(string name, string value, string expected)
    {
        var client = _server.Client;
        await client.CreateMemoryAsync(new CreateMemoryRequest { Name = "strict", Settings = Settings() }, _reviewer);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.AddSegmentAsync(new AddSegmentRequest
        {
            Memory = "strict", Ko = "휴전선이 그어졌다.", En = "The armistice line was drawn.", Fields = { Field(name, value) },
        }, _reviewer).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expected, error.Status.Detail);
        var listed = await client.ListSegmentsAsync(new ListSegmentsRequest { Memory = "strict" }, _reviewer);
        Assert.Equal(0, listed.Total);
    }

    [Fact]
    public async Task Field_definitions_that_break_a_rule_are_refused_saying_which()
    {
        var settings = new MemorySettings
        {
            Fields = { new FieldDefinition { Name = "domain", Type = FieldType.Picklist }, new FieldDefinition { Name = "Domain", Type = FieldType.Text } },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.CreateMemoryAsync(new CreateMemoryRequest { Name = "broken", Settings = settings }, _reviewer).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("'domain' needs 1 to 500 choices", error.Status.Detail);
        Assert.DoesNotContain("broken", (await _server.Client.ListMemoriesAsync(new ListMemoriesRequest(), _reviewer)).Memories.Select(m => m.Name));
    }

    [Fact]
    public async Task Adding_a_pair_the_memory_holds_is_already_exists()
    {
        await _server.Client.CreateMemoryAsync(new CreateMemoryRequest { Name = "twice" }, _reviewer);
        await AddAsync("twice", "전쟁은 3년 동안 계속되었다.", "The war lasted three years.");

        var error = await Assert.ThrowsAsync<RpcException>(() => AddAsync("twice", "전쟁은 3년 동안 계속되었다.", "The war lasted three years."));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal(1, (await _server.Client.ListSegmentsAsync(new ListSegmentsRequest { Memory = "twice" }, _reviewer)).Total);
    }

    private static MemorySettings Settings() => new()
    {
        Description = "Korean War journal abstracts",
        Fields =
        {
            new FieldDefinition { Name = "journal", Type = FieldType.Text },
            new FieldDefinition { Name = "domain", Type = FieldType.Picklist, Choices = { "war", "armistice", "diplomacy" } },
            new FieldDefinition { Name = "reviewed", Type = FieldType.Picklist, Choices = { "yes", "no" } },
            new FieldDefinition { Name = "published", Type = FieldType.Date },
            new FieldDefinition { Name = "pages", Type = FieldType.Number },
        },
    };

    private static Metadata With(string secret) => new() { { "authorization", "Bearer " + secret } };

    private static FieldValue Field(string name, string value) => new() { Name = name, Value = value };

    private static List<string> Fields(IEnumerable<FieldValue> fields) => [.. fields.Select(f => $"{f.Name}={f.Value}")];

    private static List<string> Props(TranslationUnit unit) => [.. unit.Properties.Select(p => $"{p.Type}={p.Value}")];

    private async Task<Segment> AddAsync(string memory, string korean, string english, params FieldValue[] fields) =>
        await _server.Client.AddSegmentAsync(new AddSegmentRequest { Memory = memory, Ko = korean, En = english, Fields = { fields } }, _reviewer);

    private async Task<LookupResponse> LookupAsync(string memory, string text) =>
        await _server.Client.LookupAsync(new LookupRequest { Memory = memory, Text = text, MinScore = 90 }, _reviewer);

    private async Task<Match> BestAsync(string memory, string text) => (await LookupAsync(memory, text)).Matches.First();

    private async Task<List<TranslationUnit>> ExportAsync(string memory)
    {
        using var call = _server.Client.ExportTmx(new ExportTmxRequest { Memory = memory }, _reviewer);
        using var buffer = new MemoryStream();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
            chunk.Chunk.WriteTo(buffer);
        buffer.Position = 0;
        using var reader = new TmxReader(buffer);
        reader.ReadHeader();
        return [.. reader.ReadUnits()];
    }
}
