using TM.Grpc.Tests.Infrastructure;

namespace TM.Grpc.Tests;

public class CallKindTests : ServerTest, IClassFixture<DefaultServer>
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(10);
    private readonly DefaultServer _server;

    public CallKindTests(DefaultServer server)
        : base(server)
    {
        _server = server;
    }

    [Fact]
    public async Task Unary_call_returns_the_response_and_ok_status()
    {
        using var channel = _server.CreateChannel();
        var client = new Tester.TesterClient(channel);

        using var call = client.EchoAsync("안녕하세요, TM");
        Assert.Equal("안녕하세요, TM", await call);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Empty(call.GetTrailers());
    }

    [Fact]
    public async Task Empty_message_is_a_valid_message()
    {
        using var channel = _server.CreateChannel();
        Assert.Equal(string.Empty, await new Tester.TesterClient(channel).EchoAsync(string.Empty));
    }

    [Fact]
    public async Task Concurrent_calls_share_one_channel()
    {
        using var channel = _server.CreateChannel();
        var client = new Tester.TesterClient(channel);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => client.EchoAsync(i.ToString()).ResponseAsync));

        Assert.Equal(Enumerable.Range(0, 50).Select(i => i.ToString()), responses);
    }

    [Fact]
    public async Task Server_streaming_call_reads_every_message_then_ok()
    {
        using var channel = _server.CreateChannel();
        using var call = new Tester.TesterClient(channel).Stream(Tester.Count, "5");

        var messages = new List<string>();
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            messages.Add(message);
        }

        Assert.Equal(["0", "1", "2", "3", "4"], messages);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task Server_streaming_call_with_no_messages_ends_ok()
    {
        using var channel = _server.CreateChannel();
        using var call = new Tester.TesterClient(channel).Stream(Tester.Count, "0");

        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Client_streaming_call_sends_every_message_before_the_response()
    {
        using var channel = _server.CreateChannel();
        using var call = new Tester.TesterClient(channel).ConcatAsync();

        foreach (var part in new[] { "a", "b", "c" })
        {
            await call.RequestStream.WriteAsync(part);
        }

        await call.RequestStream.CompleteAsync();
        Assert.Equal("a,b,c", await call);
    }

    [Fact]
    public async Task Client_streaming_call_with_no_messages_gets_a_response()
    {
        using var channel = _server.CreateChannel();
        using var call = new Tester.TesterClient(channel).ConcatAsync();

        await call.RequestStream.CompleteAsync();
        Assert.Equal(string.Empty, await call.ResponseAsync);
    }

    [Fact]
    public async Task Duplex_call_interleaves_each_request_with_its_response()
    {
        using var channel = _server.CreateChannel();
        using var call = new Tester.TesterClient(channel).Chat();

        // Each response is read before the next request is written: this only completes if neither
        // direction is buffered until the other side finishes.
        var conversation = Task.Run(async () =>
        {
            foreach (var word in new[] { "one", "two", "three" })
            {
                await call.RequestStream.WriteAsync(word);
                Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
                Assert.Equal("echo:" + word, call.ResponseStream.Current);
            }

            await call.RequestStream.CompleteAsync();
            Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        });

        await conversation.WaitAsync(SafetyTimeout);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Status_is_unavailable_until_the_call_finishes()
    {
        using var channel = _server.CreateChannel();
        using var call = new Tester.TesterClient(channel).Chat();

        Assert.Throws<InvalidOperationException>(() => call.GetStatus());
        Assert.Throws<InvalidOperationException>(() => call.GetTrailers());
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Server_call_context_describes_the_call()
    {
        using var channel = _server.CreateChannel();
        var client = new Tester.TesterClient(channel);

        Assert.Equal("/grpc.testing.Tester/Context", await client.CallAsync(Tester.Context, "method"));
        Assert.StartsWith("ipv4:127.0.0.1:", await client.CallAsync(Tester.Context, "peer"));
        Assert.Equal($"127.0.0.1:{_server.Address.Port}", await client.CallAsync(Tester.Context, "host"));
        Assert.Equal("HTTP/2", await client.CallAsync(Tester.Context, "protocol"));
        Assert.Equal("none", await client.CallAsync(Tester.Context, "deadline"));
        Assert.Equal("600", await client.CallAsync(Tester.Context, "deadline", new CallOptions(deadline: DateTime.UtcNow.AddMinutes(10))));
    }
}
