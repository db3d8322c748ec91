using System.Text;
using TM.Grpc.Tests.Infrastructure;

namespace TM.Grpc.Tests;

public class MetadataCallTests : ServerTest, IClassFixture<DefaultServer>
{
    private readonly DefaultServer _server;

    public MetadataCallTests(DefaultServer server)
        : base(server)
    {
        _server = server;
    }

    [Fact]
    public async Task Metadata_travels_in_request_headers_response_headers_and_trailers()
    {
        using var channel = _server.CreateChannel();
        var client = new Tester.TesterClient(channel);
        var headers = new Metadata { { "x-name", "tm-client" }, { "x-data-bin", new byte[] { 0, 1, 254, 255 } } };

        using var call = client.CallAsync(Tester.Headers, "hello", new CallOptions(headers));
        var responseHeaders = await call.ResponseHeadersAsync;
        Assert.Equal("hello", await call);

        Assert.Equal("tm-client", responseHeaders.GetValue("x-echo-name"));
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, responseHeaders.GetValueBytes("x-echo-bin"));
        var trailers = call.GetTrailers();
        Assert.Equal("done", trailers.GetValue("x-trailer"));
        Assert.Equal("끝", Encoding.UTF8.GetString(trailers.GetValueBytes("x-trailer-bin")!));
    }

    [Fact]
    public async Task Protocol_headers_are_not_exposed_as_metadata()
    {
        using var channel = _server.CreateChannel();
        using var call = new Tester.TesterClient(channel).CallAsync(Tester.Headers, "x");
        var responseHeaders = await call.ResponseHeadersAsync;
        await call;

        Assert.DoesNotContain(responseHeaders, e => e.Key is "content-type" or "grpc-status" or "grpc-encoding" or "grpc-accept-encoding");
        Assert.DoesNotContain(call.GetTrailers(), e => e.Key is "grpc-status" or "grpc-message");
    }

    [Fact]
    public async Task Handler_sees_custom_request_headers_only()
    {
        using var channel = _server.CreateChannel();
        var client = new Tester.TesterClient(channel);

        Assert.Equal("trailers", await client.CallAsync(Tester.Context, "te"));
        Assert.StartsWith("grpc-dotnet-tm/", await client.CallAsync(Tester.Context, "user-agent"));
    }
}
