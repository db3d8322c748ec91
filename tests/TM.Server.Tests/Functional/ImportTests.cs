using System.Text;
using Google.Protobuf;
using Grpc.Core;
using TM.Protos.V1;

namespace TM.Server.Tests.Functional;

public sealed class ImportTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Document =
        "국문초록\n" +
        "1950년 6월 25일 북한군이 38선을 넘어 남침하였다. 유엔 안전보장이사회는 즉시 북한의 침략을 규탄하였다.\n\n" +
        "Abstract\n" +
        "On 25 June 1950 the North Korean army crossed the 38th parallel and invaded the South. " +
        "The UN Security Council immediately condemned the North Korean aggression.\n";

    private TranslationMemory.TranslationMemoryClient Client => server.Client;

    [Fact]
    public async Task Importing_a_document_stores_its_pairs_and_reports_the_noise_lines()
    {
        var response = await Client.ImportDocumentAsync(new ImportDocumentRequest { Memory = "import-doc", Name = "1950.txt", Text = Document });

        Assert.Equal(2, response.PairsStored);
        Assert.Equal(0, response.PairsSkippedDuplicate);
        Assert.Equal(2, response.LinesDropped);
        Assert.Equal(["국문초록", "Abstract"], response.DroppedLines);

        var lookup = await Client.LookupAsync(new LookupRequest { Memory = "import-doc", Text = "유엔 안전보장이사회는 즉시 북한의 침략을 규탄하였다." });
        Assert.Equal(100, lookup.Matches[0].Score);
        Assert.Equal("The UN Security Council immediately condemned the North Korean aggression.", lookup.Matches[0].Target);
        Assert.Equal("1950.txt", lookup.Matches[0].Origin);
    }

    [Fact]
    public async Task Reimporting_a_document_adds_nothing()
    {
        await Client.ImportDocumentAsync(new ImportDocumentRequest { Memory = "reimport", Name = "a.txt", Text = Document });
        var again = await Client.ImportDocumentAsync(new ImportDocumentRequest { Memory = "reimport", Name = "a.txt", Text = Document });

        Assert.Equal(0, again.PairsStored);
        Assert.Equal(2, again.PairsSkippedDuplicate);
        var stats = await Client.GetStatsAsync(new GetStatsRequest { Memory = "reimport" });
        Assert.Equal(2, stats.Memories.Single().Segments);
    }

    [Fact]
    public async Task Aligning_a_document_stores_nothing()
    {
        var response = await Client.AlignDocumentAsync(new AlignDocumentRequest { Text = Document });

        Assert.Equal(2, response.Pairs.Count);
        Assert.All(response.Pairs, p => Assert.InRange(p.Confidence, 0.0, 1.0));
        Assert.StartsWith("1950년 6월 25일", response.Pairs[0].Ko);
        Assert.StartsWith("On 25 June 1950", response.Pairs[0].En);
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetStatsAsync(new GetStatsRequest { Memory = "never-created" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n\n  ", "empty")]
    [InlineData("1950년 6월 25일 북한군이 38선을 넘어 남침하였다.", "English")]
    [InlineData("The North Korean army crossed the 38th parallel.", "Korean")]
    [InlineData("1950년 6월 25일 북한군이\u0000 남침하였다.\nThe army crossed the parallel.", "UTF-8")]
    public async Task Document_that_is_not_parallel_text_is_invalid_and_stores_nothing(string text, string expectedWord)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ImportDocumentAsync(new ImportDocumentRequest { Memory = "bad-docs", Name = "bad.txt", Text = text }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expectedWord, error.Status.Detail);
        Assert.Contains("bad.txt", error.Status.Detail);
        await AssertNoMemory("bad-docs");
    }

    [Fact]
    public async Task Five_megabyte_single_line_is_invalid_with_its_length_and_the_limit()
    {
        var line = string.Concat(Enumerable.Repeat("1950년 6월 25일 북한군이 남침하였다. The army invaded. ", 5 * 1024 * 1024 / 60));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ImportDocumentAsync(new ImportDocumentRequest { Memory = "huge-line", Name = "huge.txt", Text = line }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("Line 1", error.Status.Detail);
        Assert.Contains("100,000", error.Status.Detail);
        await AssertNoMemory("huge-line");
    }

    [Fact]
    public async Task Document_with_invalid_UTF8_is_invalid_and_stores_nothing()
    {
        // A hand-encoded ImportDocumentRequest: memory (1) = "utf8", text (3) = Korean line, 0xFF 0xFE, English line.
        var text = Encoding.UTF8.GetBytes("1950년 6월 25일 북한군이 남침하였다.\n").Concat(new byte[] { 0xFF, 0xFE })
            .Concat(Encoding.UTF8.GetBytes("\nThe North Korean army invaded the South.")).ToArray();
        var message = new List<byte> { 0x0A, 4 };
        message.AddRange("utf8"u8.ToArray());
        message.Add(0x1A);
        message.AddRange(Varint(text.Length));
        message.AddRange(text);
        var rawMethod = new Method<byte[], ImportDocumentResponse>(MethodType.Unary, TranslationMemory.Descriptor.FullName, "ImportDocument",
            Marshallers.Create<byte[]>(b => b, b => b), Marshallers.Create(r => r.ToByteArray(), ImportDocumentResponse.Parser.ParseFrom));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Channel.CreateCallInvoker().AsyncUnaryCall(rawMethod, null, new CallOptions(), message.ToArray()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("UTF-8", error.Status.Detail);
        await AssertNoMemory("utf8");
    }

    [Fact]
    public async Task Segments_stream_with_invalid_UTF8_is_invalid_and_stores_nothing()
    {
        // ImportSegmentsRequest messages by hand: memory (1), ko (2), en (3); the second message's en is 0xFF 0xFE.
        static byte[] Pair(string memory, byte[] ko, byte[] en)
        {
            var message = new List<byte>();
            if (memory.Length > 0)
            {
                message.Add(0x0A);
                message.AddRange(Varint(Encoding.UTF8.GetByteCount(memory)));
                message.AddRange(Encoding.UTF8.GetBytes(memory));
            }
            message.Add(0x12);
            message.AddRange(Varint(ko.Length));
            message.AddRange(ko);
            message.Add(0x1A);
            message.AddRange(Varint(en.Length));
            message.AddRange(en);
            return [.. message];
        }
        var rawMethod = new Method<byte[], ImportSegmentsResponse>(MethodType.ClientStreaming, TranslationMemory.Descriptor.FullName, "ImportSegments",
            Marshallers.Create<byte[]>(b => b, b => b), Marshallers.Create(r => r.ToByteArray(), ImportSegmentsResponse.Parser.ParseFrom));

        using var call = server.Channel.CreateCallInvoker().AsyncClientStreamingCall(rawMethod, null, new CallOptions());
        await call.RequestStream.WriteAsync(Pair("utf8-stream", "정전 협정"u8.ToArray(), "the armistice agreement"u8.ToArray()));
        await call.RequestStream.WriteAsync(Pair("", "포로 교환"u8.ToArray(), [0xFF, 0xFE]));
        await call.RequestStream.CompleteAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("UTF-8", error.Status.Detail);
        await AssertNoMemory("utf8-stream");
    }

    [Fact]
    public async Task Segments_stream_cancelled_by_the_client_stores_nothing()
    {
        using var cancel = new CancellationTokenSource();
        using var call = Client.ImportSegments(cancellationToken: cancel.Token);
        await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = "cancelled-stream", Ko = "정전 협정", En = "the armistice agreement" });

        await cancel.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await AssertNoMemory("cancelled-stream");
    }

    [Fact]
    public async Task Segments_stream_is_stored_and_is_idempotent()
    {
        async Task<ImportSegmentsResponse> Send()
        {
            using var call = Client.ImportSegments();
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = "stream", Ko = "정전 협정", En = "the armistice agreement", Origin = "terms.tsv" });
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Ko = "포로 교환", En = "the exchange of prisoners" });
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Ko = "군사분계선", En = "the military demarcation line", Note = "glossary" });
            await call.RequestStream.CompleteAsync();
            return await call.ResponseAsync;
        }

        var first = await Send();
        var second = await Send();

        Assert.Equal((3, 0, 3), (first.PairsStored, first.PairsSkippedDuplicate, first.MessagesReceived));
        Assert.Equal((0, 3), (second.PairsStored, second.PairsSkippedDuplicate));
        var lookup = await Client.LookupAsync(new LookupRequest { Memory = "stream", Text = "the exchange of prisoners" });
        Assert.Equal("포로 교환", lookup.Matches[0].Target);
    }

    [Fact]
    public async Task Segments_stream_with_a_bad_message_commits_nothing()
    {
        using var call = Client.ImportSegments();
        await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = "atomic", Ko = "정전 협정", En = "the armistice agreement" });
        await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Ko = "포로 교환", En = "" });
        await call.RequestStream.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("Message 2", error.Status.Detail);
        Assert.Contains("'en'", error.Status.Detail);
        await AssertNoMemory("atomic");
    }

    [Fact]
    public async Task Concordance_finds_a_term_on_either_side()
    {
        var korean = await Client.ConcordanceAsync(new ConcordanceRequest { Term = "스탈린" });
        var english = await Client.ConcordanceAsync(new ConcordanceRequest { Term = "stalin", Lang = "en" });

        Assert.True(korean.Total >= 3);
        Assert.All(korean.Hits, h => Assert.Contains("스탈린", h.Ko));
        Assert.All(korean.Hits, h => Assert.Equal("ko", h.Lang));
        Assert.True(english.Total >= 3);
        Assert.All(english.Hits, h => Assert.Contains("stalin", h.En, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Concordance_with_an_empty_term_is_invalid()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ConcordanceAsync(new ConcordanceRequest { Term = " " }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Stats_count_the_seed_segments_of_the_default_memory()
    {
        var stats = await Client.GetStatsAsync(new GetStatsRequest());

        var seeds = stats.Memories.Single(m => m.Memory == "default");
        Assert.InRange(seeds.Segments, 15, 20);
        Assert.Equal(2, seeds.Imports);
    }

    private async Task AssertNoMemory(string memory)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetStatsAsync(new GetStatsRequest { Memory = memory }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private static IEnumerable<byte> Varint(int value)
    {
        var v = (uint)value;
        while (v >= 0x80)
        {
            yield return (byte)(v | 0x80);
            v >>= 7;
        }
        yield return (byte)v;
    }
}
