using System.Net;
using System.Text;
using TM.Grpc.Tests.Infrastructure;

namespace TM.Grpc.Tests;

/// <summary>The server's wire behaviour, checked with plain HttpClient requests.</summary>
public class ProtocolTests : ServerTest, IClassFixture<DefaultServer>
{
    private readonly DefaultServer _server;

    public ProtocolTests(DefaultServer server)
        : base(server)
    {
        _server = server;
    }

    [Fact]
    public async Task Successful_call_sends_headers_message_and_status_in_trailers()
    {
        using var http = RawGrpc.CreateHttpClient();
        using var response = await http.SendAsync(RawGrpc.Request(_server.Address, "/grpc.testing.Tester/Echo", RawGrpc.Frame("hi")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(2, 0), response.Version);
        Assert.Equal("application/grpc", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(RawGrpc.Frame("hi"), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(("0", null, false), RawGrpc.ReadStatus(response));
    }

    [Fact]
    public async Task Error_before_any_message_is_trailers_only_with_a_percent_encoded_message()
    {
        using var http = RawGrpc.CreateHttpClient();
        using var response = await http.SendAsync(RawGrpc.Request(_server.Address, "/grpc.testing.Tester/Fail", RawGrpc.Frame("rpc")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(("5", "No entry for '%EB%B2%88%EC%97%AD' (100%25 sure).", true), RawGrpc.ReadStatus(response));
        Assert.Equal("missing", response.Headers.GetValues("x-reason").Single());
        Assert.Equal("AAEC/w==", response.Headers.GetValues("x-data-bin").Single());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/grpc-web")]
    public async Task Non_grpc_content_type_is_415(string contentType)
    {
        using var http = RawGrpc.CreateHttpClient();
        using var response = await http.SendAsync(RawGrpc.Request(_server.Address, "/grpc.testing.Tester/Echo", RawGrpc.Frame("hi"), contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("13", RawGrpc.ReadStatus(response).Status);
    }

    [Fact]
    public async Task Grpc_content_type_with_a_format_suffix_is_accepted()
    {
        using var http = RawGrpc.CreateHttpClient();
        using var response = await http.SendAsync(RawGrpc.Request(_server.Address, "/grpc.testing.Tester/Echo", RawGrpc.Frame("hi"), "application/grpc+proto"));

        Assert.Equal("0", RawGrpc.ReadStatus(response).Status);
    }

    [Fact]
    public async Task Other_methods_than_post_are_not_allowed()
    {
        using var http = RawGrpc.CreateHttpClient();
        var request = RawGrpc.Request(_server.Address, "/grpc.testing.Tester/Echo", RawGrpc.Frame("hi"));
        request.Method = HttpMethod.Get;
        request.Content = null;

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Unary_call_with_other_than_one_request_message_is_internal(int messageCount)
    {
        using var http = RawGrpc.CreateHttpClient();
        var body = RawGrpc.Frame(Enumerable.Repeat("m", messageCount).ToArray());
        using var response = await http.SendAsync(RawGrpc.Request(_server.Address, "/grpc.testing.Tester/Echo", body));

        Assert.Equal("13", RawGrpc.ReadStatus(response).Status);
        await _server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Truncated_request_message_is_internal()
    {
        using var http = RawGrpc.CreateHttpClient();
        var body = RawGrpc.Frame("truncated")[..8];
        using var response = await http.SendAsync(RawGrpc.Request(_server.Address, "/grpc.testing.Tester/Echo", body));

        Assert.Equal("13", RawGrpc.ReadStatus(response).Status);
        await _server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Invalid_grpc_timeout_is_ignored()
    {
        using var http = RawGrpc.CreateHttpClient();
        var request = RawGrpc.Request(_server.Address, "/grpc.testing.Tester/Echo", RawGrpc.Frame("hi"));
        request.Headers.TryAddWithoutValidation("grpc-timeout", "soon");

        using var response = await http.SendAsync(request);

        Assert.Equal("0", RawGrpc.ReadStatus(response).Status);
    }

    [Fact]
    public async Task Unknown_paths_answer_unimplemented_only_to_grpc_requests()
    {
        using var http = RawGrpc.CreateHttpClient();
        using var grpc = await http.SendAsync(RawGrpc.Request(_server.Address, "/other.Service/Method", RawGrpc.Frame("hi")));
        using var json = await http.SendAsync(RawGrpc.Request(_server.Address, "/other.Service/Method", Encoding.UTF8.GetBytes("{}"), "application/json"));
        using var rest = await http.SendAsync(RawGrpc.Request(_server.Address, "/rest/items", Encoding.UTF8.GetBytes("{}"), "application/json"));

        Assert.Equal(("12", "Service is unimplemented.", true), RawGrpc.ReadStatus(grpc));
        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
        Assert.Equal("not gRPC", await rest.Content.ReadAsStringAsync());
    }
}
