using System.Text.Json;
using Xunit.Abstractions;

namespace TM.Server.Tests.Interop;

/// <summary>
/// The HTTP/JSON routes (google.api.http annotations in the contract) as a script calls them, with curl: HTTP/1.1 on the
/// second port, HTTP/2 on the gRPC port; JSON names as the contract gives them; errors as status codes with a JSON body.
/// </summary>
public sealed class CurlInteropTests(HttpPortServerFixture server, ITestOutputHelper output) : IClassFixture<HttpPortServerFixture>
{
    private const string HowToInstall = "Needs curl: run tests/run as root, or apt-get install -y curl";
    private const string SeedSentence = "따라서 휴전 협정은 7월 26일 체결될 수 있었다.";
    private const string Document =
        "1950년 6월 25일 북한군이 38선을 넘어 남침하였다. 유엔 안전보장이사회는 즉시 북한의 침략을 규탄하였다.\n\n" +
        "On 25 June 1950 the North Korean army crossed the 38th parallel and invaded the South. The UN Security Council immediately condemned the North Korean aggression.\n";

    private string Http => server.HttpAddress!;

    [Fact]
    public async Task Lookup_answers_over_http1_with_the_contracts_json_names()
    {
        var (status, json) = await CurlAsync([$"{Http}/v1/memories/default/lookup?text={Uri.EscapeDataString(SeedSentence)}&max_results=1&source_lang=ko"]);

        Assert.Equal(200, status);
        var match = json.GetProperty("matches")[0];
        Assert.Equal(100, match.GetProperty("score").GetDouble());
        Assert.StartsWith("Thus the cease-fire negotiations", match.GetProperty("target").GetString());
        Assert.True(match.TryGetProperty("segmentId", out _));
        Assert.Equal("ko", json.GetProperty("sourceLang").GetString());
    }

    [Fact]
    public async Task Lookup_answers_over_http2_on_the_grpc_port_and_takes_a_json_body()
    {
        var body = JsonSerializer.Serialize(new { text = SeedSentence, maxResults = 1 });

        var (status, json) = await CurlAsync(["--http2-prior-knowledge", "-X", "POST", "-H", "content-type: application/json", "--data-binary", body,
            $"{server.Address}/v1/memories/default/lookup"]);

        Assert.Equal(200, status);
        Assert.Equal(100, json.GetProperty("matches")[0].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task A_batch_of_sentences_posted_as_json_is_answered_in_order()
    {
        var body = JsonSerializer.Serialize(new { texts = new[] { "—", SeedSentence }, max_results = 1 });

        var (status, json) = await CurlAsync(["-X", "POST", "-H", "content-type: application/json", "--data-binary", body, $"{Http}/v1/memories/default/lookup:batch"]);

        Assert.Equal(200, status);
        var results = json.GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        Assert.False(results[0].TryGetProperty("matches", out var none) && none.GetArrayLength() > 0);
        Assert.Equal(100, results[1].GetProperty("matches")[0].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task A_document_imported_as_json_is_counted_listed_and_found()
    {
        var body = JsonSerializer.Serialize(new { name = "curl.txt", text = Document });

        var (imported, import) = await CurlAsync(["-X", "POST", "-H", "content-type: application/json", "--data-binary", body, $"{Http}/v1/memories/curl-docs/documents"]);
        var (_, stats) = await CurlAsync([$"{Http}/v1/memories/curl-docs/stats"]);
        var (_, imports) = await CurlAsync([$"{Http}/v1/memories/curl-docs/imports"]);
        var (_, all) = await CurlAsync([$"{Http}/v1/stats"]);

        Assert.Equal(200, imported);
        Assert.Equal(2, import.GetProperty("pairsStored").GetInt32());
        Assert.Equal(2, stats.GetProperty("memories")[0].GetProperty("segments").GetInt64());
        var record = Assert.Single(imports.GetProperty("imports").EnumerateArray());
        Assert.Equal(("document", "curl.txt", "completed"), (record.GetProperty("kind").GetString(), record.GetProperty("name").GetString(), record.GetProperty("status").GetString()));
        Assert.Contains(all.GetProperty("memories").EnumerateArray(), m => m.GetProperty("memory").GetString() == "default");
    }

    [Fact]
    public async Task A_memory_created_and_a_segment_corrected_over_json()
    {
        var (created, memory) = await CurlAsync(["-X", "POST", "-H", "content-type: application/json", "--data-binary",
            """{"name": "curl-review", "settings": {"description": "reviewed over curl", "min_score": 60}}""", $"{Http}/v1/memories"]);
        await CurlAsync(["-X", "POST", "-H", "content-type: application/json", "--data-binary", JsonSerializer.Serialize(new { name = "r.txt", text = Document }),
            $"{Http}/v1/memories/curl-review/documents"]);
        var (_, memories) = await CurlAsync([$"{Http}/v1/memories"]);
        var (_, concordance) = await CurlAsync([$"{Http}/v1/memories/curl-review/concordance?term=parallel"]);
        var hit = concordance.GetProperty("hits")[0];
        var id = hit.GetProperty("segmentId").GetString();
        var (_, segment) = await CurlAsync([$"{Http}/v1/memories/curl-review/segments/{id}"]);
        var version = segment.GetProperty("version").GetRawText();
        var (patched, edited) = await CurlAsync(["-X", "PATCH", "-H", "content-type: application/json", "--data-binary",
            $$"""{"en": "Corrected over curl.", "version": {{version}}}""", $"{Http}/v1/memories/curl-review/segments/{id}"]);

        Assert.Equal(200, created);
        Assert.Equal("reviewed over curl", memory.GetProperty("settings").GetProperty("description").GetString());
        Assert.Contains(memories.GetProperty("memories").EnumerateArray(), m => m.GetProperty("name").GetString() == "curl-review");
        Assert.Equal(200, patched);
        Assert.Equal("Corrected over curl.", edited.GetProperty("en").GetString());
        Assert.NotEqual(version, edited.GetProperty("version").GetRawText());
    }

    [Fact]
    public async Task A_pair_with_fields_added_over_json_is_found_by_a_field_filter()
    {
        await CurlAsync(["-X", "POST", "-H", "content-type: application/json", "--data-binary",
            """{"name": "curl-fields", "settings": {"fields": [{"name": "domain", "type": "FIELD_TYPE_PICKLIST", "choices": ["war", "armistice"]}]}}""",
            $"{Http}/v1/memories"]);

        var (added, segment) = await CurlAsync(["-X", "POST", "-H", "content-type: application/json", "--data-binary",
            """{"ko": "휴전선은 1953년에 그어졌다.", "en": "The armistice line was drawn in 1953.", "fields": [{"name": "domain", "value": "Armistice"}]}""",
            $"{Http}/v1/memories/curl-fields/segments"]);
        // A repeated message cannot travel in a query string: filter on fields with a JSON body (POST lookup).
        var (_, found) = await CurlAsync(["-X", "POST", "-H", "content-type: application/json", "--data-binary",
            """{"text": "휴전선은 1953년에 그어졌다.", "fields": [{"name": "domain", "value": "armistice"}]}""", $"{Http}/v1/memories/curl-fields/lookup"]);
        var (_, none) = await CurlAsync(["-X", "POST", "-H", "content-type: application/json", "--data-binary",
            """{"text": "휴전선은 1953년에 그어졌다.", "fields": [{"name": "domain", "value": "war"}]}""", $"{Http}/v1/memories/curl-fields/lookup"]);
        var (refused, error) = await CurlAsync(["-X", "POST", "-H", "content-type: application/json", "--data-binary",
            """{"ko": "전쟁은 끝났다.", "en": "The war was over.", "fields": [{"name": "domain", "value": "peace"}]}""",
            $"{Http}/v1/memories/curl-fields/segments"]);

        Assert.Equal(200, added);
        Assert.Equal("armistice", segment.GetProperty("fields")[0].GetProperty("value").GetString());
        Assert.Equal(segment.GetProperty("segmentId").GetString(), found.GetProperty("matches")[0].GetProperty("segmentId").GetString());
        Assert.False(none.TryGetProperty("matches", out var matches) && matches.GetArrayLength() > 0);
        Assert.Equal(400, refused);
        Assert.Contains("not one of its choices", error.GetRawText());
    }

    [Fact]
    public async Task Align_preview_returns_the_beads_and_stores_nothing()
    {
        var body = JsonSerializer.Serialize(new { name = "preview.txt", text = Document });

        var (status, json) = await CurlAsync(["-X", "POST", "-H", "content-type: application/json", "--data-binary", body, $"{Http}/v1/memories/curl-preview/documents:align"]);
        var (missing, _) = await CurlAsync([$"{Http}/v1/memories/curl-preview/stats"]);

        Assert.Equal(200, status);
        Assert.Equal(2, json.GetProperty("pairs").GetArrayLength());
        Assert.Equal(1, json.GetProperty("pairs")[0].GetProperty("koSentenceCount").GetInt32());
        Assert.Equal(404, missing);
    }

    [Fact]
    public async Task Concordance_finds_a_term_on_its_side()
    {
        var (status, json) = await CurlAsync([$"{Http}/v1/memories/default/concordance?term=armistice&lang=en"]);

        Assert.Equal(200, status);
        Assert.All(json.GetProperty("hits").EnumerateArray(), hit => Assert.Equal("en", hit.GetProperty("lang").GetString()));
        Assert.True(json.GetProperty("total").GetInt32() > 0);
    }

    [Theory]
    [InlineData("/v1/memories/nope/lookup?text=x", 404, 5)]
    [InlineData("/v1/memories/default/lookup?text=", 400, 3)]
    [InlineData("/v1/memories/default/lookup?text=x&min_score=101", 400, 3)]
    [InlineData("/v1/memories/nope/imports", 404, 5)]
    public async Task Bad_requests_get_an_http_status_and_the_grpc_status_with_its_message(string path, int httpStatus, int grpcStatus)
    {
        var (status, json) = await CurlAsync([Http + path]);

        Assert.Equal(httpStatus, status);
        Assert.Equal(grpcStatus, json.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Healthz_reports_each_check()
    {
        var (status, json) = await CurlAsync([$"{Http}/healthz"]);

        Assert.Equal(200, status);
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        Assert.Equal(["tm.store", "tm.index", "tm.search", "tm.data-directory"], json.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    // curl prints the body, then a line with the HTTP status; --noproxy keeps an environment proxy out of loopback calls.
    private async Task<(int Status, JsonElement Json)> CurlAsync(string[] arguments)
    {
        var stdout = await ExternalProgram.RunAsync(output, "curl", ["--silent", "--show-error", "--noproxy", "*", "--max-time", "60", "--write-out", "\n%{http_code}", .. arguments], HowToInstall);
        var split = stdout.LastIndexOf('\n');
        var status = int.Parse(stdout[(split + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var body = stdout[..split];
        return (status, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }
}
