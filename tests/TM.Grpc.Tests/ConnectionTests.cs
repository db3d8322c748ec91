using System.Net;
using System.Net.Sockets;
using TM.Grpc.Tests.Infrastructure;

namespace TM.Grpc.Tests;

public class ConnectionTests : ServerTest, IClassFixture<TlsServer>
{
    private readonly TlsServer _server;

    public ConnectionTests(TlsServer server)
        : base(server)
    {
        _server = server;
    }

    [Fact]
    public async Task Connection_refused_is_unavailable_naming_the_address()
    {
        var port = GetUnusedPort();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Tester.TesterClient(channel).EchoAsync("x"));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Contains($"127.0.0.1:{port}", ex.Status.Detail);
        Assert.Contains("Connection refused", ex.Status.Detail);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task Connection_refused_fails_streaming_calls_too()
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{GetUnusedPort()}");
        using var call = new Tester.TesterClient(channel).Chat();

        var read = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        var write = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync("x"));
        var headers = await Assert.ThrowsAsync<RpcException>(() => call.ResponseHeadersAsync);

        Assert.Equal(StatusCode.Unavailable, read.StatusCode);
        Assert.Equal(read.Status, write.Status);
        Assert.Equal(read.Status, headers.Status);
    }

    [Fact]
    public async Task Tls_call_succeeds_when_the_client_trusts_the_certificate()
    {
        using var channel = _server.CreateChannel();
        var client = new Tester.TesterClient(channel);

        Assert.Equal("https://", _server.Address.GetLeftPart(UriPartial.Scheme));
        Assert.Equal("over TLS", await client.EchoAsync("over TLS"));
        using var call = client.Chat();
        await call.RequestStream.WriteAsync("duplex");
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        await call.RequestStream.CompleteAsync();
        Assert.Equal("echo:duplex", call.ResponseStream.Current);
    }

    [Fact]
    public async Task Untrusted_certificate_is_unavailable()
    {
        using var channel = GrpcChannel.ForAddress(_server.Address);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Tester.TesterClient(channel).EchoAsync("x"));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Contains("SSL", ex.Status.Detail);
        await _server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Http1_request_is_refused_with_426()
    {
        var thumbprint = _server.Certificate!.GetCertHashString();
        using var http = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, c, _, _) => c?.GetCertHashString() == thumbprint },
        });
        var request = RawGrpc.Request(_server.Address, "/grpc.testing.Tester/Echo", RawGrpc.Frame("hi"));
        request.Version = HttpVersion.Version11;

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Equal("13", RawGrpc.ReadStatus(response).Status);
    }

    [Fact]
    public void Address_must_be_http_or_https()
    {
        Assert.Throws<ArgumentException>(() => GrpcChannel.ForAddress("localhost:5000"));
        Assert.Throws<ArgumentException>(() => GrpcChannel.ForAddress("ftp://localhost"));
        Assert.Throws<ArgumentException>(() => GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { RequestCompressionAlgorithm = "br" }));
    }

    private static int GetUnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
