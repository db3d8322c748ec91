using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TM.Protos.V1;
using TM.Server.Tests.Imports;

namespace TM.Server.Tests.Hosting.Telemetry;

/// <summary>What the running server logs about a call: who made it and which method, never the caller's credentials.</summary>
public sealed class CallerLogTests(CallerLogTests.Server server) : IClassFixture<CallerLogTests.Server>
{
    // A credential as a client would send it; unique, so finding it anywhere in the log is a leak.
    private const string Secret = "tm-key-7f3a9c0e5b1d4e2f8a6c";

    [Fact]
    public async Task Lines_logged_during_a_call_carry_its_method_and_caller_and_never_the_key()
    {
        var log = new LogCapture();
        server.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        var credentials = new Metadata { { "authorization", $"Bearer {Secret}" }, { "x-api-key", Secret } };

        using (var call = server.Client.ImportSegments(credentials))
        {
            for (var i = 0; i < 3; i++)
                await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = "caller-log", Ko = TestFiles.Korean(i), En = TestFiles.English(i) });
            await call.RequestStream.CompleteAsync();
            await call;
        }
        await Assert.ThrowsAsync<RpcException>(() => server.Client.LookupAsync(
            new LookupRequest { Memory = "caller-log", Text = TestFiles.Korean(0), MaxResults = -1 }, credentials).ResponseAsync);
        await FileUploads.ImportFileAsync(new TranslationMemory.TranslationMemoryClient(server.Channel.Intercept(m =>
        {
            m.Add("authorization", $"Bearer {Secret}");
            return m;
        })), new ImportFileRequest { Memory = "caller-log", FileName = "more.tsv" }, TestFiles.Tsv(5, first: 10));
        using var http = new HttpClient();
        using var document = new HttpRequestMessage(HttpMethod.Post, $"{server.HttpAddress}/v1/memories/caller-log/documents")
        {
            Content = JsonContent.Create(new { name = "doc.txt", text = "1950년 6월 25일 북한군이 38선을 넘어 남침하였다.\n\nOn 25 June 1950 the North Korean army crossed the 38th parallel." }),
            Headers = { { "Authorization", $"Bearer {Secret}" } },
        };
        (await http.SendAsync(document)).EnsureSuccessStatusCode();

        var lines = log.Entries.ToList();
        var committed = lines.Single(l => l.EventId.Id == 2 && l.Message.Contains("'caller-log'") && l.Message.Contains("3 pairs"));
        Assert.Equal("tm.v1.TranslationMemory/ImportSegments", committed.ScopeValue("RpcMethod"));
        Assert.Equal("anonymous", committed.ScopeValue("Caller"));
        var fileEnded = lines.Single(l => l.EventId.Id == 8 && l.Message.Contains("more.tsv"));
        Assert.Equal("tm.v1.TranslationMemory/ImportFile", fileEnded.ScopeValue("RpcMethod"));
        var documentCommitted = lines.Single(l => l.EventId.Id == 2 && l.Message.Contains("doc.txt"));
        Assert.Equal("tm.v1.TranslationMemory/ImportDocument", documentCommitted.ScopeValue("RpcMethod"));
        Assert.All(lines, line => Assert.DoesNotContain(Secret, line.AllText()));
    }

    public sealed class Server : ServerFixture
    {
        protected override IEnumerable<string> ExtraArguments => ["--no-seeds", "true", "--http-port", "0"];
    }
}
