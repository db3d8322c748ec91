using System.IO.Compression;
using System.Text;
using TM.Grpc.Tests.Infrastructure;

namespace TM.Grpc.Tests;

public class CompressionTests : ServerTest, IClassFixture<CompressingServer>
{
    private readonly CompressingServer _server;

    public CompressionTests(CompressingServer server)
        : base(server)
    {
        _server = server;
    }

    [Fact]
    public async Task Gzip_requests_and_responses_round_trip()
    {
        using var channel = _server.CreateChannel(new GrpcChannelOptions { RequestCompressionAlgorithm = "gzip" });
        var client = new Tester.TesterClient(channel);
        var text = string.Concat(Enumerable.Repeat("번역 메모리 translation memory ", 10_000));

        Assert.Equal(text, await client.EchoAsync(text));
        Assert.Equal("gzip", await client.CallAsync(Tester.Context, "grpc-encoding"));

        using var call = client.Chat();
        await call.RequestStream.WriteAsync("a");
        await call.RequestStream.WriteAsync("b");
        await call.RequestStream.CompleteAsync();
        Assert.Equal(["echo:a", "echo:b"], await call.ResponseStream.ReadAllAsync().ToListAsync());
    }

    [Fact]
    public async Task Server_compresses_responses_when_the_client_accepts_gzip()
    {
        using var http = RawGrpc.CreateHttpClient();
        var request = RawGrpc.Request(_server.Address, "/grpc.testing.Tester/Echo", RawGrpc.Frame("compress me, compress me, compress me"));
        request.Headers.TryAddWithoutValidation("grpc-accept-encoding", "identity,gzip");

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("gzip", response.Headers.GetValues("grpc-encoding").Single());
        Assert.Equal(1, body[0]);
        using var gzip = new GZipStream(new MemoryStream(body, 5, body.Length - 5), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        Assert.Equal("compress me, compress me, compress me", await reader.ReadToEndAsync());
        Assert.Equal("0", RawGrpc.ReadStatus(response).Status);
    }

    [Fact]
    public async Task Server_does_not_compress_for_a_client_that_does_not_accept_gzip()
    {
        using var http = RawGrpc.CreateHttpClient();
        var request = RawGrpc.Request(_server.Address, "/grpc.testing.Tester/Echo", RawGrpc.Frame("plain"));

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.False(response.Headers.Contains("grpc-encoding"));
        Assert.Equal(0, body[0]);
        Assert.Equal("plain", Encoding.UTF8.GetString(body, 5, body.Length - 5));
    }

    [Fact]
    public async Task Unsupported_request_encoding_is_unimplemented_and_lists_the_supported_ones()
    {
        using var http = RawGrpc.CreateHttpClient();
        var request = RawGrpc.Request(_server.Address, "/grpc.testing.Tester/Echo", RawGrpc.Frame(([1, 2, 3], true)));
        request.Headers.TryAddWithoutValidation("grpc-encoding", "br");

        using var response = await http.SendAsync(request);
        var (status, message, trailersOnly) = RawGrpc.ReadStatus(response);

        Assert.Equal("12", status);
        Assert.True(trailersOnly);
        Assert.Contains("'br'", message);
        Assert.Equal("identity,gzip", response.Headers.GetValues("grpc-accept-encoding").Single());
        await _server.AssertStillServesAsync();
    }
}
