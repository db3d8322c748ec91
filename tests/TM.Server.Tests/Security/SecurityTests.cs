using System.Net;
using Google.Protobuf;
using Grpc.Core;
using TM.Protos.V1;

namespace TM.Server.Tests.Security;

/// <summary>
/// Every RPC and JSON route without a key, with a key whose role is too low, and with a key for another memory:
/// UNAUTHENTICATED or PERMISSION_DENIED, and nothing changed.
/// </summary>
public sealed class SecurityTests(SecuredServerFixture server) : IClassFixture<SecuredServerFixture>
{
    private const string Document = "1950년 6월 25일 북한군이 남침하였다.\n\nOn 25 June 1950 the North Korean army invaded the South.\n";

    private TranslationMemory.TranslationMemoryClient Tm => server.Client;

    // Each call of the contract, made with the given headers against the given memory.
    public static TheoryData<string> Calls => new()
    {
        "ImportDocument", "AlignDocument", "ImportSegments", "Lookup", "LookupBatch", "Concordance", "GetStats", "ImportTmx", "ExportTmx", "ListImports", "ImportFile",
        "GetSegment", "ListSegments", "ConfirmUse", "AddSegment", "UpdateSegment", "DeleteSegment", "CreateMemory", "ListMemories", "UpdateMemory", "RenameMemory", "DeleteMemory",
        "CreateKey", "ListKeys", "RevokeKey", "Backup", "Pretranslate",
        "AddTerm", "GetTerm", "UpdateTerm", "DeleteTerm", "ListTerms", "ImportTerms", "ExportTerms", "SuggestTerms",
    };

    private static readonly HashSet<string> Writes = ["ImportDocument", "ImportSegments", "ImportTmx", "ImportFile", "AddSegment", "UpdateSegment", "DeleteSegment", "CreateMemory", "UpdateMemory",
        "AddTerm", "UpdateTerm", "DeleteTerm", "ImportTerms"];
    private static readonly HashSet<string> AdminOnly = ["CreateKey", "ListKeys", "RevokeKey", "Backup", "DeleteMemory", "RenameMemory"];

    [Fact]
    public void The_calls_checked_are_every_method_of_the_contract()
    {
        var methods = TranslationMemory.Descriptor.Methods.Concat(Administration.Descriptor.Methods).Select(m => m.Name).Order();

        Assert.Equal(methods, ((IEnumerable<object[]>)Calls).Select(row => (string)row[0]).Order());
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Every_call_without_a_key_is_unauthenticated_and_changes_nothing(string call)
    {
        var before = await CountsAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync(call, [], "default"));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("API key", error.Status.Detail);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Every_call_with_an_unknown_key_is_unauthenticated(string call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync(call, SecuredServerFixture.With("tm_not-a-key-of-this-server-000000"), "default"));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("not known", error.Status.Detail);
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_read_key_may_read_and_nothing_else(string call)
    {
        var before = await CountsAsync();

        var attempt = CallAsync(call, SecuredServerFixture.With(server.Reader), "default");

        if (Writes.Contains(call) || AdminOnly.Contains(call))
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => attempt);
            Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
            Assert.Contains("'reader' has the read role", error.Status.Detail);
        }
        else
        {
            await attempt;
        }
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_key_for_another_memory_is_denied_and_changes_nothing(string call)
    {
        if (AdminOnly.Contains(call) || call is "GetStats" or "ListImports" or "ListMemories")
            return; // admin calls have no memory; listings of every memory are filtered instead (next test)
        var before = await CountsAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync(call, SecuredServerFixture.With(server.HistoryWriter), "default"));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("may not use memory 'default'", error.Status.Detail);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Listings_of_every_memory_show_only_the_memories_a_key_may_use()
    {
        await Tm.ImportDocumentAsync(new ImportDocumentRequest { Memory = "history", Name = "h.txt", Text = Document }, SecuredServerFixture.With(server.HistoryWriter));
        await Tm.ImportDocumentAsync(new ImportDocumentRequest { Memory = "elsewhere", Name = "e.txt", Text = Document }, SecuredServerFixture.With(server.Writer));

        var stats = await Tm.GetStatsAsync(new GetStatsRequest(), SecuredServerFixture.With(server.HistoryWriter));
        var imports = await Tm.ListImportsAsync(new ListImportsRequest(), SecuredServerFixture.With(server.HistoryWriter));
        var denied = await Assert.ThrowsAsync<RpcException>(() =>
            Tm.GetStatsAsync(new GetStatsRequest { Memory = "elsewhere" }, SecuredServerFixture.With(server.HistoryWriter)).ResponseAsync);

        Assert.Equal(["history"], stats.Memories.Select(m => m.Memory));
        Assert.All(imports.Imports, i => Assert.Equal("history", i.Memory));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task Not_found_names_only_the_memories_the_key_may_use()
    {
        await Tm.ImportDocumentAsync(new ImportDocumentRequest { Memory = "secret-project", Name = "s.txt", Text = Document }, SecuredServerFixture.With(server.Writer));
        var admin = new Administration.AdministrationClient(server.Channel);
        var scoped = await admin.CreateKeyAsync(new CreateKeyRequest { Name = "scoped", Role = KeyRole.Read, Memories = { "default", "not-yet" } },
            SecuredServerFixture.With(SecuredServerFixture.AdminSecret));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Tm.LookupAsync(new LookupRequest { Memory = "not-yet", Text = "정전 협정" }, SecuredServerFixture.With(scoped.Secret)).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("default", error.Status.Detail);
        Assert.DoesNotContain("secret-project", error.Status.Detail);
    }

    [Fact]
    public async Task Writes_record_the_key_that_made_them()
    {
        var response = await Tm.ImportDocumentAsync(new ImportDocumentRequest { Memory = "audited", Name = "a.txt", Text = Document }, SecuredServerFixture.With(server.Writer));

        var imports = await Tm.ListImportsAsync(new ListImportsRequest { Memory = "audited" }, SecuredServerFixture.With(server.Writer));

        Assert.Equal("writer", imports.Imports.Single(i => i.ImportId == response.ImportId).CreatedBy);
    }

    [Fact]
    public async Task A_key_scoped_to_a_renamed_memory_follows_it_to_its_new_name()
    {
        var admin = new Administration.AdministrationClient(server.Channel);
        var adminKey = SecuredServerFixture.With(SecuredServerFixture.AdminSecret);
        await Tm.ImportDocumentAsync(new ImportDocumentRequest { Memory = "draft-project", Name = "d.txt", Text = Document }, adminKey);
        var scoped = await admin.CreateKeyAsync(new CreateKeyRequest { Name = "draft-reader", Role = KeyRole.Read, Memories = { "draft-project" } }, adminKey);
        await Tm.GetStatsAsync(new GetStatsRequest { Memory = "draft-project" }, SecuredServerFixture.With(scoped.Secret));

        var renamed = await Tm.RenameMemoryAsync(new RenameMemoryRequest { Name = "draft-project", NewName = "final-project" }, adminKey);
        var stats = await Tm.GetStatsAsync(new GetStatsRequest { Memory = "final-project" }, SecuredServerFixture.With(scoped.Secret));
        var old = await Assert.ThrowsAsync<RpcException>(() =>
            Tm.LookupAsync(new LookupRequest { Memory = "draft-project", Text = "정전 협정" }, adminKey).ResponseAsync);
        var keys = await admin.ListKeysAsync(new ListKeysRequest(), adminKey);

        Assert.Equal("final-project", renamed.Name);
        Assert.True(renamed.Segments > 0);
        Assert.Equal(renamed.Segments, stats.Memories.Single().Segments);
        Assert.Equal(StatusCode.NotFound, old.StatusCode);
        Assert.Equal(["final-project"], keys.Keys.Single(k => k.Name == "draft-reader").Memories);
    }

    [Fact]
    public async Task A_revoked_key_is_unauthenticated_from_then_on()
    {
        var admin = new Administration.AdministrationClient(server.Channel);
        var created = await admin.CreateKeyAsync(new CreateKeyRequest { Name = "short-lived", Role = KeyRole.Read }, SecuredServerFixture.With(SecuredServerFixture.AdminSecret));
        await Tm.GetStatsAsync(new GetStatsRequest(), SecuredServerFixture.With(created.Secret));

        var revoked = await admin.RevokeKeyAsync(new RevokeKeyRequest { Name = "short-lived" }, SecuredServerFixture.With(SecuredServerFixture.AdminSecret));
        var error = await Assert.ThrowsAsync<RpcException>(() => Tm.GetStatsAsync(new GetStatsRequest(), SecuredServerFixture.With(created.Secret)).ResponseAsync);

        Assert.NotEmpty(revoked.Key.Revoked);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Keys_are_listed_without_secrets_and_names_are_unique()
    {
        var admin = new Administration.AdministrationClient(server.Channel);

        var keys = await admin.ListKeysAsync(new ListKeysRequest(), SecuredServerFixture.With(SecuredServerFixture.AdminSecret));
        var duplicate = await Assert.ThrowsAsync<RpcException>(() =>
            admin.CreateKeyAsync(new CreateKeyRequest { Name = "reader", Role = KeyRole.Read }, SecuredServerFixture.With(SecuredServerFixture.AdminSecret)).ResponseAsync);

        Assert.Contains(keys.Keys, k => k.Name == "reader" && k.Role == KeyRole.Read && k.Memories.SequenceEqual(["default", "history"]) && k.CreatedBy == "admin");
        Assert.DoesNotContain(server.Reader, keys.ToString());
        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/v1/memories/default/lookup?text=x", null, HttpStatusCode.Unauthorized)]
    [InlineData("POST", "/v1/memories/default/lookup", null, HttpStatusCode.Unauthorized)]
    [InlineData("POST", "/v1/memories/default/lookup:batch", null, HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/v1/memories/default/concordance?term=x", null, HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/v1/stats", null, HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/v1/memories/default/stats", null, HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/v1/imports", null, HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/v1/memories/default/imports", null, HttpStatusCode.Unauthorized)]
    [InlineData("POST", "/v1/memories/default/documents", null, HttpStatusCode.Unauthorized)]
    [InlineData("POST", "/v1/memories/default/documents:align", null, HttpStatusCode.Unauthorized)]
    [InlineData("POST", "/v1/memories/default/documents:align", "history-writer", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/v1/memories/default/imports", "history-writer", HttpStatusCode.Forbidden)]
    [InlineData("POST", "/v1/memories/default/documents", "reader", HttpStatusCode.Forbidden)]
    [InlineData("POST", "/v1/memories/default/documents", "history-writer", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/v1/memories/nope/concordance?term=x", "history-writer", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/v1/memories/default/stats", "reader", HttpStatusCode.OK)]
    [InlineData("GET", "/v1/memories/default/terms", null, HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/v1/memories/default/terms", "history-writer", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/v1/memories/default/terms?filter=%ED%98%91%EC%A0%95", "reader", HttpStatusCode.OK)]
    [InlineData("GET", "/v1/memories/default/terms:suggest?max_results=3", null, HttpStatusCode.Unauthorized)]
    public async Task Json_routes_take_the_same_keys(string method, string path, string? key, HttpStatusCode expected)
    {
        var before = await CountsAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), server.HttpAddress + path);
        if (method == "POST")
            request.Content = new StringContent($"{{\"name\":\"d.txt\",\"text\":{System.Text.Json.JsonSerializer.Serialize(Document)}}}", System.Text.Encoding.UTF8, "application/json");
        if (key is not null)
            request.Headers.TryAddWithoutValidation("authorization", "Bearer " + (key == "reader" ? server.Reader : server.HistoryWriter));

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(expected == response.StatusCode, body);
        if (expected != HttpStatusCode.OK)
            Assert.Contains($"\"code\":{(expected == HttpStatusCode.Unauthorized ? 16 : 7)}", body.Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Health_and_reflection_need_no_key()
    {
        var health = new Grpc.Health.V1.Health.HealthClient(server.Channel);

        var status = await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest());

        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, status.Status);
    }

    // Segment and import counts of every memory, the keys and the default memory's termbase, read with the admin key: "nothing changed" means these did not.
    private async Task<string> CountsAsync()
    {
        var stats = await Tm.GetStatsAsync(new GetStatsRequest(), SecuredServerFixture.With(SecuredServerFixture.AdminSecret));
        var keys = await new Administration.AdministrationClient(server.Channel).ListKeysAsync(new ListKeysRequest(), SecuredServerFixture.With(SecuredServerFixture.AdminSecret));
        var terms = await Tm.ListTermsAsync(new ListTermsRequest(), SecuredServerFixture.With(SecuredServerFixture.AdminSecret));
        return string.Join(";", stats.Memories.Select(m => $"{m.Memory}:{m.Segments}:{m.Imports}")) + "|" + string.Join(",", keys.Keys.Select(k => k.Name + k.Revoked)) +
            "|" + string.Join(",", terms.Terms.Select(t => $"{t.Id}:{t.Version}"));
    }

    // A refused stream may end before its message is written: the status is the response's, not the write's.
    private static async Task SendAsync<T>(IClientStreamWriter<T> requests, T message)
    {
        try
        {
            await requests.WriteAsync(message);
            await requests.CompleteAsync();
        }
        catch (RpcException)
        {
        }
    }

    private async Task CallAsync(string call, Metadata headers, string memory)
    {
        var admin = new Administration.AdministrationClient(server.Channel);
        switch (call)
        {
            case "ImportDocument":
                await Tm.ImportDocumentAsync(new ImportDocumentRequest { Memory = memory, Name = "d.txt", Text = Document }, headers);
                break;
            case "AlignDocument":
                await Tm.AlignDocumentAsync(new AlignDocumentRequest { Memory = memory, Text = Document }, headers);
                break;
            case "ImportSegments":
            {
                using var stream = Tm.ImportSegments(headers);
                await SendAsync(stream.RequestStream, new ImportSegmentsRequest { Memory = memory, Ko = "정전 협정", En = "the armistice agreement" });
                await stream.ResponseAsync;
                break;
            }
            case "Lookup":
                await Tm.LookupAsync(new LookupRequest { Memory = memory, Text = "따라서 휴전 협정은 7월 26일 체결될 수 있었다." }, headers);
                break;
            case "CreateMemory":
                await Tm.CreateMemoryAsync(new CreateMemoryRequest { Name = memory }, headers);
                break;
            case "RenameMemory":
                await Tm.RenameMemoryAsync(new RenameMemoryRequest { Name = memory, NewName = "renamed" }, headers);
                break;
            case "DeleteMemory":
                await Tm.DeleteMemoryAsync(new DeleteMemoryRequest { Name = memory }, headers);
                break;
            case "ListMemories":
                await Tm.ListMemoriesAsync(new ListMemoriesRequest(), headers);
                break;
            case "UpdateMemory":
                await Tm.UpdateMemoryAsync(new UpdateMemoryRequest { Name = memory, Settings = new MemorySettings { Description = "changed" } }, headers);
                break;
            case "Pretranslate":
                {
                    using var pretranslate = Tm.Pretranslate(new PretranslateRequest { Memory = memory, Text = "따라서 휴전 협정은 7월 26일 체결될 수 있었다." }, headers);
                    await foreach (var _ in pretranslate.ResponseStream.ReadAllAsync())
                    {
                    }
                }
                break;
            case "ConfirmUse":
                await Tm.ConfirmUseAsync(new ConfirmUseRequest { Memory = memory, SegmentId = "1" }, headers);
                break;
            case "ListSegments":
                await Tm.ListSegmentsAsync(new ListSegmentsRequest { Memory = memory, MaxResults = 2 }, headers);
                break;
            case "GetSegment":
                await Tm.GetSegmentAsync(new GetSegmentRequest { Memory = memory, SegmentId = "1" }, headers);
                break;
            case "AddSegment":
                await Tm.AddSegmentAsync(new AddSegmentRequest { Memory = memory, Ko = "새로 추가한 문장이다.", En = "A sentence added by hand." }, headers);
                break;
            case "UpdateSegment":
                await Tm.UpdateSegmentAsync(new UpdateSegmentRequest { Memory = memory, SegmentId = "1", En = "Changed.", Version = 1 }, headers);
                break;
            case "DeleteSegment":
                await Tm.DeleteSegmentAsync(new DeleteSegmentRequest { Memory = memory, SegmentId = "1", Version = 1 }, headers);
                break;
            case "LookupBatch":
                await Tm.LookupBatchAsync(new LookupBatchRequest { Memory = memory, Texts = { "따라서 휴전 협정은 7월 26일 체결될 수 있었다.", "The war ended." } }, headers);
                break;
            case "Concordance":
                await Tm.ConcordanceAsync(new ConcordanceRequest { Memory = memory, Term = "armistice" }, headers);
                break;
            case "GetStats":
                await Tm.GetStatsAsync(new GetStatsRequest { Memory = memory }, headers);
                break;
            case "ImportTmx":
            {
                using var stream = Tm.ImportTmx(headers);
                await SendAsync(stream.RequestStream, new ImportTmxRequest { Memory = memory, FileName = "t.tmx", Chunk = ByteString.CopyFrom(Imports.TestFiles.Tmx(3)) });
                await stream.ResponseAsync;
                break;
            }
            case "ExportTmx":
            {
                using var stream = Tm.ExportTmx(new ExportTmxRequest { Memory = memory }, headers);
                while (await stream.ResponseStream.MoveNext(CancellationToken.None))
                {
                }
                break;
            }
            case "ListImports":
                await Tm.ListImportsAsync(new ListImportsRequest { Memory = memory }, headers);
                break;
            case "ImportFile":
            {
                var result = await Imports.FileUploads.ImportFileAsync(Tm, new ImportFileRequest { Memory = memory, FileName = "f.tsv" }, Imports.TestFiles.Tsv(3), headers: headers);
                if (result.Error is not null)
                    throw result.Error;
                break;
            }
            case "CreateKey":
                await admin.CreateKeyAsync(new CreateKeyRequest { Name = $"k{Guid.NewGuid():N}", Role = KeyRole.Read }, headers);
                break;
            case "ListKeys":
                await admin.ListKeysAsync(new ListKeysRequest(), headers);
                break;
            case "RevokeKey":
                await admin.RevokeKeyAsync(new RevokeKeyRequest { Name = "writer" }, headers);
                break;
            case "Backup":
            {
                using var stream = admin.Backup(new BackupRequest(), headers);
                await stream.ResponseStream.MoveNext(CancellationToken.None);
                break;
            }
            case "AddTerm":
                await Tm.AddTermAsync(new AddTermRequest { Memory = memory, Entry = new TermEntry { Ko = "판문점", En = "Panmunjom" } }, headers);
                break;
            case "GetTerm":
                await Tm.GetTermAsync(new GetTermRequest { Memory = memory, TermId = server.Term.Id }, headers);
                break;
            case "UpdateTerm":
                await Tm.UpdateTermAsync(new UpdateTermRequest { Memory = memory, TermId = server.Term.Id, Version = server.Term.Version, Entry = new TermEntry { Ko = "휴전", En = "truce" } }, headers);
                break;
            case "DeleteTerm":
                await Tm.DeleteTermAsync(new DeleteTermRequest { Memory = memory, TermId = server.Term.Id, Version = server.Term.Version }, headers);
                break;
            case "ListTerms":
                await Tm.ListTermsAsync(new ListTermsRequest { Memory = memory }, headers);
                break;
            case "ImportTerms":
            {
                using var stream = Tm.ImportTerms(headers);
                await SendAsync(stream.RequestStream, new ImportTermsRequest { Memory = memory, FileName = "t.csv", Chunk = ByteString.CopyFromUtf8("korean,english\n판문점,Panmunjom\n") });
                await stream.ResponseAsync;
                break;
            }
            case "ExportTerms":
            {
                using var stream = Tm.ExportTerms(new ExportTermsRequest { Memory = memory }, headers);
                while (await stream.ResponseStream.MoveNext(CancellationToken.None))
                {
                }
                break;
            }
            case "SuggestTerms":
                await Tm.SuggestTermsAsync(new SuggestTermsRequest { Memory = memory, MaxResults = 5 }, headers);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(call), call, null);
        }
    }
}
