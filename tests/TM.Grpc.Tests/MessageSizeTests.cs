using TM.Grpc.Tests.Infrastructure;

namespace TM.Grpc.Tests;

public class MessageSizeTests : ServerTest, IClassFixture<DefaultServer>, IClassFixture<LimitedServer>
{
    private readonly DefaultServer _defaultServer;
    private readonly LimitedServer _limitedServer;

    public MessageSizeTests(DefaultServer defaultServer, LimitedServer limitedServer)
        : base(defaultServer, limitedServer)
    {
        _defaultServer = defaultServer;
        _limitedServer = limitedServer;
    }

    [Fact]
    public async Task Request_over_the_default_4_MB_limit_is_resource_exhausted()
    {
        using var channel = _defaultServer.CreateChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Tester.TesterClient(channel).EchoAsync(new string('x', 5_000_000)));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Equal("Received message exceeds the maximum configured message size: 5000000 bytes, limit 4194304.", ex.Status.Detail);
        await _defaultServer.AssertStillServesAsync();
    }

    [Fact]
    public async Task Request_at_the_configured_limit_passes_and_one_byte_more_does_not()
    {
        using var channel = _limitedServer.CreateChannel();
        var client = new Tester.TesterClient(channel);

        Assert.Equal(LimitedServer.Limit, (await client.EchoAsync(new string('x', LimitedServer.Limit))).Length);
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.EchoAsync(new string('x', LimitedServer.Limit + 1)));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Equal("Received message exceeds the maximum configured message size: 1025 bytes, limit 1024.", ex.Status.Detail);
        await _limitedServer.AssertStillServesAsync();
    }

    [Fact]
    public async Task Response_over_the_server_send_limit_is_resource_exhausted()
    {
        using var channel = _limitedServer.CreateChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Tester.TesterClient(channel).CallAsync(Tester.Big, "2000"));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Equal("Sending message exceeds the maximum configured message size: 2000 bytes, limit 1024.", ex.Status.Detail);
        await _limitedServer.AssertStillServesAsync();
    }

    [Fact]
    public async Task Response_over_the_client_receive_limit_is_resource_exhausted()
    {
        using var channel = _defaultServer.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 1000 });
        var client = new Tester.TesterClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CallAsync(Tester.Big, "5000"));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Equal("Received message exceeds the maximum configured message size: 5000 bytes, limit 1000.", ex.Status.Detail);
        Assert.Equal(1000, (await client.CallAsync(Tester.Big, "1000")).Length);
    }

    [Fact]
    public async Task Request_over_the_client_send_limit_fails_without_being_sent()
    {
        using var channel = _defaultServer.CreateChannel(new GrpcChannelOptions { MaxSendMessageSize = 10 });
        var client = new Tester.TesterClient(channel);

        var unary = await Assert.ThrowsAsync<RpcException>(async () => await client.EchoAsync("12345678901"));
        using var streaming = client.ConcatAsync();
        var write = await Assert.ThrowsAsync<RpcException>(() => streaming.RequestStream.WriteAsync("12345678901"));

        Assert.Equal(StatusCode.ResourceExhausted, unary.StatusCode);
        Assert.Equal("Sending message exceeds the maximum configured message size: 11 bytes, limit 10.", unary.Status.Detail);
        Assert.Equal(unary.Status, write.Status);
        Assert.Equal(unary.Status, streaming.GetStatus());
    }

    [Fact]
    public async Task Large_messages_under_the_limit_stream_in_both_directions()
    {
        using var channel = _defaultServer.CreateChannel();
        using var call = new Tester.TesterClient(channel).Chat();
        var big = new string('가', 1_000_000); // 3 MB of UTF-8, many HTTP/2 frames and flow-control windows

        await call.RequestStream.WriteAsync(big);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        await call.RequestStream.CompleteAsync();

        Assert.Equal("echo:" + big, call.ResponseStream.Current);
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }
}
