using TM.Grpc;
using TM.Protos.Health.V1;
using TM.Protos.V1;

namespace TM.Server.Tests.Functional;

public sealed class ProtocolTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Health_check_reports_serving_for_the_server_and_the_translation_memory()
    {
        var health = new Health.HealthClient(server.Channel);

        var overall = await health.CheckAsync(new HealthCheckRequest());
        var service = await health.CheckAsync(new HealthCheckRequest { Service = TranslationMemory.ServiceName });
        var unknown = await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(new HealthCheckRequest { Service = "nope" }).ResponseAsync);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, overall.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, service.Status);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Health_watch_streams_the_current_status()
    {
        var health = new Health.HealthClient(server.Channel);
        using var cancel = new CancellationTokenSource();
        using var call = health.Watch(new HealthCheckRequest(), cancellationToken: cancel.Token);

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, call.ResponseStream.Current.Status);
        cancel.Cancel();
    }

    [Theory]
    [InlineData("tm.v1.TranslationMemory", "NoSuchMethod")]
    [InlineData("tm.v9.Nothing", "Lookup")]
    public async Task Unknown_method_is_unimplemented(string service, string method)
    {
        var unknown = new Method<LookupRequest, LookupResponse>(MethodType.Unary, service, method,
            TranslationMemory.LookupMethod.RequestMarshaller, TranslationMemory.LookupMethod.ResponseMarshaller);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Channel.CreateCallInvoker().AsyncUnaryCall(unknown, null, new CallOptions(), new LookupRequest { Text = "x" }).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task Expired_deadline_is_deadline_exceeded()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.LookupAsync(new LookupRequest { Text = "소련의 정책" }, deadline: DateTime.UtcNow.AddMilliseconds(-1)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task Gzip_compressed_requests_are_accepted()
    {
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { RequestCompressionAlgorithm = "gzip" });
        var client = new TranslationMemory.TranslationMemoryClient(channel);

        var response = await client.LookupAsync(new LookupRequest { Text = "따라서 휴전 협정은 7월 26일 체결될 수 있었다." });

        Assert.Equal(100, response.Matches[0].Score);
    }

    [Fact]
    public async Task Server_that_is_down_is_unavailable()
    {
        using var channel = GrpcChannel.ForAddress("http://127.0.0.1:1");
        var client = new TranslationMemory.TranslationMemoryClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetStatsAsync(new GetStatsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }
}
